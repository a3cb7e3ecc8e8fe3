"""``python``: anything else, as a function named ``package.module:function``.

With ``call: context`` (default) the function receives the
:class:`~factcheck.rules.base.CheckContext` and returns (or yields) findings:
:class:`~factcheck.models.Finding` objects, claims (each reported with the
rule's message), or ``(claims, message)`` pairs. With ``call: claim`` it is
called once per claim and returns False/None (fine), True (flag with the
rule's message) or a message.

A module that is not importable is looked for next to the rule file, so a
``house_checks.py`` beside ``house.rules.yaml`` can be named ``house_checks:fn``.

>>> resolve_function("decimal:Decimal")("1.5")
Decimal('1.5')
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import field_validator

from factcheck.errors import RuleError
from factcheck.models import Claim, Finding
from factcheck.rules.base import CheckContext
from factcheck.rules.kinds._common import Origin, SpecBase, UserRule

_TARGET = re.compile(r"^[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")


class PythonSpec(SpecBase):
    """The function to call and what it receives."""

    DEFAULT_MESSAGE: ClassVar[str] = "{text}: flagged by {name}"

    kind: Literal["python"]
    function: str
    call: Literal["context", "claim"] = "context"

    @field_validator("function")
    @classmethod
    def _target(cls, target: str) -> str:
        if not _TARGET.match(target):
            raise ValueError(f"{target!r} is not 'package.module:function'")
        return target


def resolve_function(target: str, base_dir: Path | None = None) -> Callable[..., Any]:
    """Import ``package.module:function`` (or a module file in ``base_dir``)."""
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        local = base_dir / (module_name.replace(".", "/") + ".py") if base_dir else None
        if local is None or not local.is_file() or exc.name != module_name.split(".")[0]:
            raise
        key = f"_factcheck_user_rules.{abs(hash(str(local.resolve())))}.{module_name}"
        module = sys.modules.get(key)  # type: ignore[assignment]
        if module is None:
            spec = importlib.util.spec_from_file_location(key, local)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[key] = module
            spec.loader.exec_module(module)
    obj: Any = module
    for part in attr.split("."):
        obj = getattr(obj, part)
    if not callable(obj):
        raise TypeError(f"{target} is not callable")
    return obj


class PythonRule(UserRule):
    """Runs a user function; whatever it raises is reported as FC001 by the checker."""

    Spec = PythonSpec
    spec: PythonSpec

    def __init__(self, spec: PythonSpec, origin: Origin | None = None) -> None:
        super().__init__(spec, origin)
        try:
            self.function = resolve_function(spec.function, self.base_dir)
        except Exception as exc:  # noqa: BLE001 - any import failure is the rule file's error
            raise RuleError(f"rule {spec.code}: cannot load {spec.function}: {type(exc).__name__}: {exc}",
                            path=self.origin.path, line=self.origin.line) from None

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        if self.spec.call == "claim":
            for claim in ctx.claims:
                if ctx.involves_draft((claim,)):
                    yield from self._findings(self.function(claim), default=[claim])
        else:
            yield from self._findings(self.function(ctx), default=[])

    def _findings(self, result: Any, default: list[Claim]) -> Iterable[Finding]:
        if result is None or result is False:
            return
        if result is True:
            yield self.claim_finding(default)
            return
        if isinstance(result, (str, Finding, tuple)) or _is_claim(result):
            result = [result]
        for item in result:
            yield self._one(item, default)

    def _one(self, item: Any, default: list[Claim]) -> Finding:
        if isinstance(item, Finding):
            return item.model_copy(update={"code": self.spec.code, "name": self.spec.name})
        if isinstance(item, str):
            return self.finding(item, default)
        if _is_claim(item):
            return self.claim_finding([item])
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
            claims = [item[0]] if _is_claim(item[0]) else list(item[0])
            return self.finding(item[1], claims)
        raise TypeError(f"rule {self.spec.code} returned {type(item).__name__}; expected a Finding, a claim, "
                        "a message or (claims, message)")


def _is_claim(x: Any) -> bool:
    return hasattr(x, "doc_id") and hasattr(x, "kind") and hasattr(x, "span")
