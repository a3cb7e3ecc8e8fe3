"""Errors factcheck raises on bad input, configuration or rules.

Every error carries the path (and line, where known) it is about, so the CLI
can print one clear line and exit with code 2 instead of a traceback.

>>> str(InputError("not text: binary data", path="a.bin"))
'a.bin: not text: binary data'
>>> print(ConfigError("unknown key 'colour'", path="factcheck.toml", line=3))
factcheck.toml:3: unknown key 'colour'
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(FactcheckError):
    """A document could not be read: missing, binary, undecodable or too large."""


class ConfigError(FactcheckError):
    """Configuration in pyproject.toml or factcheck.toml is invalid."""


class RuleError(FactcheckError):
    """A rule file is invalid, or a rule failed while running."""


class UsageError(FactcheckError):
    """The command line asked for something that cannot be done."""
