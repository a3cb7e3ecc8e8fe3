"""Project settings from ``factcheck.toml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

Discovery walks up from the working folder: in each folder a ``factcheck.toml``
wins over a ``pyproject.toml``, and a ``pyproject.toml`` counts only if it has a
``[tool.factcheck]`` table. The walk stops at a repository root (a folder with
``.git``) or the filesystem root. Unknown keys and wrong types are errors that
name the file, the key and its line. Paths in the file are relative to it.

>>> cfg = Config.model_validate({"select": ["FC1"], "fail_on": "warning"})
>>> cfg.fail_on, code_selected("FC101", cfg.select, cfg.ignore)
('warning', True)
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from factcheck.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_NAME = "factcheck.toml"
PYPROJECT_NAME = "pyproject.toml"

# A rule code or code prefix: letters then letters/digits ("FC", "FC1", "FC101", "ALL").
_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


class Config(BaseModel):
    """Settings for a run; every field has a default, so an empty file is valid.

    ``select``/``ignore`` hold rule-code prefixes (``"ALL"`` matches every code);
    ``aliases`` and ``rules`` are paths (made absolute by :func:`load_config`);
    ``rule_packages`` are importable package names shipping rule files;
    ``extend_builtin`` False runs only the user's rules.

    >>> Config().format
    'text'
    >>> Config.model_validate({"colour": "red"})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Config
    colour
      Extra inputs are not permitted [type=extra_forbidden, input_value='red', input_type=str]
    ...
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    select: list[str] = []
    ignore: list[str] = []
    fail_on: Literal["error", "warning", "info"] = "error"
    format: Literal["text", "json", "sarif", "github", "markdown"] = "text"
    aliases: list[str] = []
    rules: list[str] = []
    rule_packages: list[str] = []
    extend_builtin: bool = True

    @field_validator("select", "ignore")
    @classmethod
    def _codes(cls, prefixes: list[str]) -> list[str]:
        for prefix in prefixes:
            if not _CODE.match(prefix):
                raise ValueError(f"{prefix!r} is not a rule code or code prefix (like 'FC1')")
        return prefixes


def _prefix_length(code: str, prefixes: Sequence[str]) -> int:
    """Length of the longest prefix matching ``code`` ("ALL" counts as 0), or -1."""
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


def code_selected(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Whether a rule code runs under ``select``/``ignore`` prefix lists.

    An empty ``select`` selects everything. The longest prefix matching the code
    decides; on a tie ``ignore`` wins (as in ruff).

    >>> code_selected("FC101", [], ["FC1"]), code_selected("FC101", ["FC101"], ["FC1"])
    (False, True)
    >>> code_selected("FC201", ["FC1"], []), code_selected("FC201", ["ALL"], ["FC"])
    (False, False)
    """
    chosen = _prefix_length(code, select) if select else 0
    dropped = _prefix_length(code, ignore)
    return chosen >= 0 and chosen > dropped


def _key_line(text: str, key: str, table: str | None) -> int | None:
    """Best-effort line number of ``key = ...`` (inside ``[table]`` when given)."""
    lines = text.splitlines()
    begin = 0
    if table is not None:
        header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, table.split("."))) + r"\s*\]")
        begin = next((i + 1 for i, line in enumerate(lines) if header.match(line)), 0)
    assignment = re.compile(r"""^\s*["']?""" + re.escape(key) + r"""["']?\s*=""")
    for i in range(begin, len(lines)):
        if table is not None and i > begin and lines[i].lstrip().startswith("["):
            break  # the next table starts; the key is not in ours
        if assignment.match(lines[i]):
            return i + 1
    # Dotted keys (``tool.factcheck.select = ...``) or an inline table: any mention will do.
    loose = re.compile(r"""(^|[.\s{,"'])""" + re.escape(key) + r"""["']?\s*=""")
    return next((i + 1 for i, line in enumerate(lines) if loose.search(line)), None)


def _error_from(exc: ValidationError, path: Path, text: str, table: str | None) -> ConfigError:
    err = exc.errors()[0]
    key = str(err["loc"][0]) if err["loc"] else ""
    line = _key_line(text, key, table) if key else None
    if err["type"] == "extra_forbidden":
        message = f"unknown key {key!r}"
        close = difflib.get_close_matches(key, list(Config.model_fields), n=1)
        if close:
            message += f" (did you mean {close[0]!r}?)"
    else:
        where = ".".join(str(p) for p in err["loc"])
        detail = str(err["msg"]).removeprefix("Value error, ")  # pydantic's prefix for our own checks
        message = f"invalid value for {where!r}: {detail}"
    return ConfigError(message, path=str(path), line=line)


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror or exc}", path=str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("config is not UTF-8 text", path=str(path)) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        raise ConfigError(f"invalid TOML: {exc}", path=str(path), line=line) from None


def _tool_table(data: dict[str, Any]) -> Any:
    """``data["tool"]["factcheck"]`` (whatever its type), or None when absent."""
    tool = data.get("tool")
    return tool.get("factcheck") if isinstance(tool, dict) else None


def _settings(path: Path) -> tuple[Any, str, str | None] | None:
    """The settings table of a config file, its text and its table name (None if top-level).

    None for a pyproject.toml without ``[tool.factcheck]``.
    """
    data, text = _read_toml(path)
    table = _tool_table(data)
    if path.name == PYPROJECT_NAME:
        return (table, text, "tool.factcheck") if table is not None else None
    if table is None:
        return data, text, None
    others = sorted(k for k in data if k != "tool")
    if others:
        line = _key_line(text, others[0], None)
        raise ConfigError(
            f"key {others[0]!r} is outside [tool.factcheck]; use top-level keys or the table, not both",
            path=str(path),
            line=line,
        )
    return table, text, "tool.factcheck"


def _resolve(config: Config, base: Path) -> Config:
    """Make path settings absolute, relative to the config file's folder."""

    def absolute(paths: list[str]) -> list[str]:
        return [os.path.normpath(base / os.path.expanduser(p)) for p in paths]

    return config.model_copy(update={"aliases": absolute(config.aliases), "rules": absolute(config.rules)})


def _load(path: Path) -> Config | None:
    found = _settings(path)
    if found is None:
        return None
    table, text, table_name = found
    if not isinstance(table, dict):
        raise ConfigError("[tool.factcheck] must be a table", path=str(path))
    try:
        config = Config.model_validate(table)
    except ValidationError as exc:
        raise _error_from(exc, path, text, table_name) from None
    return _resolve(config, path.resolve().parent)


def find_config(start: Path | None = None) -> Path | None:
    """The config file that applies to ``start`` (default: the working folder), if any.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / ".git").mkdir(), (Path(d) / "factcheck.toml").write_text("")
    ...     find_config(Path(d)) == Path(d) / "factcheck.toml"
    True
    """
    folder = (start or Path.cwd()).resolve()
    for here in (folder, *folder.parents):
        candidate = here / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = here / PYPROJECT_NAME
        if pyproject.is_file() and _settings(pyproject) is not None:
            return pyproject
        if (here / ".git").exists():
            break  # the repository root: settings above it belong to something else
    return None


def load_config(start: Path | None = None, explicit: Path | None = None) -> tuple[Config, Path | None]:
    """Read the settings: from ``explicit`` if given, else the file :func:`find_config` finds.

    Returns the config and the file it came from (None: defaults, no file).
    Raises :class:`~factcheck.errors.ConfigError` naming the file and line.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / "factcheck.toml").write_text('fail_on = "info"\\n')
    ...     load_config(explicit=Path(d) / "factcheck.toml")[0].fail_on
    'info'
    """
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError("config file not found", path=str(explicit))
        config = _load(explicit)
        if config is None:
            raise ConfigError("no [tool.factcheck] table", path=str(explicit))
        return config, explicit
    found = find_config(start)
    if found is None:
        return Config(), None
    config = _load(found)
    assert config is not None  # find_config only returns files that have settings
    return config, found
