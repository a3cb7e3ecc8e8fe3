"""Read user rule files (YAML 1.2 or TOML), validate them, and build rules.

A file holds one rule (a mapping with ``code``) or a pack (``rules: [...]``,
with optional ``name``, ``description`` and a ``published`` date for its
examples). YAML is read with ruamel.yaml's safe loader in YAML 1.2, so
``no`` stays the text "no", ``010`` is ten and ``1e6`` a million. Each rule
is validated on its own: a bad rule becomes a :class:`~factcheck.errors.RuleError`
naming the file and line, and the other rules -- in that file and others -- still load.

Folders are searched for ``*.rule.yaml``, ``*.rules.yaml``, ``*.rule.toml``
and ``*.rules.toml`` (``.yml`` too); a file named explicitly is read whatever
its name. Installed packages ship rules through the ``factcheck.rules``
entry point group.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     p = pathlib.Path(d) / "house.rules.yaml"
...     _ = p.write_text("rules:\\n- code: NEWS1\\n  name: share-range\\n  kind: range\\n"
...                      "  measure: share\\n  max: 100\\n- code: NEWS2\\n  kind: range\\n  maxx: 1\\n")
...     rules, errors = load_rule_files([p])
>>> [r.info.code for r in rules]
['NEWS1']
>>> print(str(errors[0]).split(": ", 1)[1])
rule NEWS2: missing key 'name'
>>> errors[0].line
7
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from factcheck.errors import RuleError
from factcheck.models import RuleInfo, Severity
from factcheck.rules.base import CheckContext, Rule
from factcheck.rules.kinds import KINDS, all_fields, build_rule, spec_adapter
from factcheck.rules.kinds._common import CASE_KEYS, Origin, UserRule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["RULE_SUFFIXES", "TEST_SUFFIXES", "BrokenRule", "find_rule_files", "load_package_rules", "load_rule_file",
           "load_rule_files", "load_rules", "read_yaml"]

#: Names of rule files searched for in folders.
RULE_SUFFIXES = (".rule.yaml", ".rule.yml", ".rules.yaml", ".rules.yml", ".rule.toml", ".rules.toml")
#: Names of rule test files (read by factcheck.testing, never loaded as rules).
TEST_SUFFIXES = (".ruletest.yaml", ".ruletest.yml")
#: Entry point group of installed rule packages.
ENTRY_POINT_GROUP = "factcheck.rules"
#: Largest rule file read, and the most YAML nodes (aliases counted each time) walked.
MAX_BYTES = 5_000_000
MAX_NODES = 200_000
_PACK_KEYS = ("rules", "name", "description", "published")
_SINGULAR = {"measures": "measure", "units": "unit", "entities": "entity"}


# -- reading files ---------------------------------------------------------------------


@dataclass
class Lines:
    """Line numbers of the keys and items of a parsed file, by their path (``("rules", 2, "max")``)."""

    table: dict[tuple, int] = field(default_factory=dict)
    text: str = ""
    toml: bool = False

    def line(self, path: Sequence[Any]) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        if self.toml:
            return _toml_line(self.text, tuple(path))
        p = tuple(path)
        while p:
            if p in self.table:
                return self.table[p]
            p = p[:-1]
        return self.table.get((), None)


def read_yaml(text: str, path: str | None = None) -> tuple[Any, Lines]:
    """Parse YAML 1.2 safely; return the data and the line of every key and item.

    >>> data, lines = read_yaml("a: no\\nb: 010\\nc:\\n  - 1e6\\n")
    >>> data, lines.line(("c", 0))
    ({'a': 'no', 'b': 10, 'c': [1000000.0]}, 4)
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 2)
    try:
        node = yaml.compose(text)
        table = _node_lines(node)
        data = YAML(typ="safe", pure=True).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise RuleError(f"invalid YAML: {exc.problem or exc.context}", path=path,
                        line=mark.line + 1 if mark else None) from None
    except YAMLError as exc:
        raise RuleError(f"invalid YAML: {exc}", path=path) from None
    except RecursionError:
        raise RuleError("invalid YAML: nested too deeply", path=path) from None
    return data, Lines(table=table)


def _node_lines(root: Any) -> dict[tuple, int]:
    """Walk the node tree without recursion, with a budget (aliases can multiply nodes)."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    table: dict[tuple, int] = {}
    stack: list[tuple[tuple, Any]] = [((), root)] if root is not None else []
    visits = 0
    while stack:
        prefix, node = stack.pop()
        visits += 1
        if visits > MAX_NODES:
            raise RuleError(f"file is too large or its aliases expand too far (over {MAX_NODES} nodes)")
        table.setdefault(prefix, node.start_mark.line + 1)
        if isinstance(node, MappingNode):
            for key, value in node.value:
                kp = (*prefix, key.value if isinstance(key.value, str) else str(key.value))
                table[kp] = key.start_mark.line + 1
                stack.append((kp, value))
        elif isinstance(node, SequenceNode):
            for i, item in enumerate(node.value):
                table[(*prefix, i)] = item.start_mark.line + 1
                stack.append(((*prefix, i), item))
    return table


def _toml_line(text: str, path: tuple) -> int | None:
    """Best-effort line of a key path in TOML text (``[[rules]]`` tables counted in order)."""
    lines = text.splitlines()
    at = 0
    rest = list(path)
    if len(rest) >= 2 and rest[0] == "rules" and isinstance(rest[1], int):
        headers = [i for i, ln in enumerate(lines) if re.match(r"\s*\[\[\s*rules\s*\]\]", ln)]
        if rest[1] < len(headers):
            at = headers[rest[1]]
            rest = rest[2:]
    end = next((i for i in range(at + 1, len(lines)) if re.match(r"\s*\[\[\s*rules\s*\]\]", lines[i])), len(lines))
    for key in rest:
        if not isinstance(key, str):
            continue
        assignment = re.compile(r"""\s*["']?""" + re.escape(key) + r"""["']?\s*=""")
        for i in range(at, end):
            head = lines[i].strip()
            # a table header naming the key ("[tolerance]", "[[examples.flag]]"), or "key = ..."
            if (head.startswith("[") and key in re.split(r"[\[\]\s.\"']+", head)) or assignment.match(lines[i]):
                at = i
                break
    return at + 1 if lines else None


def _read(path: Path) -> tuple[Any, Lines]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RuleError(f"cannot read rule file: {exc.strerror or exc}", path=str(path)) from None
    if len(raw) > MAX_BYTES:
        raise RuleError(f"rule file is larger than {MAX_BYTES:,} bytes", path=str(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RuleError("rule file is not UTF-8 text", path=str(path)) from None
    if path.suffix.lower() == ".toml":
        try:
            return tomllib.loads(text), Lines(text=text, toml=True)
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"line (\d+)", str(exc))
            raise RuleError(f"invalid TOML: {exc}", path=str(path), line=int(found.group(1)) if found else None) from None
    try:
        return read_yaml(text, str(path))
    except RuleError as exc:
        exc.path = exc.path or str(path)
        raise


# -- from data to rules ------------------------------------------------------------------


@dataclass
class RawRule:
    """One rule's data as read, with where it came from."""

    data: Any
    path: Path
    prefix: tuple
    lines: Lines

    @property
    def line(self) -> int | None:
        return self.lines.line(self.prefix)

    @property
    def code(self) -> str | None:
        code = self.data.get("code") if isinstance(self.data, dict) else None
        return code if isinstance(code, str) else None


def raw_rules(path: Path) -> tuple[list[RawRule], list[RuleError]]:
    """The rules' data in one file, before validation (a pack's ``published`` is passed to examples)."""
    data, lines = _read(path)
    if isinstance(data, dict) and "rules" in data:
        unknown = [k for k in data if k not in _PACK_KEYS]
        errors = [RuleError(f"unknown key {k!r} in a rule pack (pack keys: {', '.join(_PACK_KEYS)})",
                            path=str(path), line=lines.line((k,))) for k in unknown]
        items = data["rules"]
        if not isinstance(items, list):
            return [], [*errors, RuleError("'rules' must be a list of rules", path=str(path), line=lines.line(("rules",)))]
        published = data.get("published")
        out = []
        for i, item in enumerate(items):
            if published is not None and isinstance(item, dict):
                examples = item.get("examples")
                if isinstance(examples, dict) and "published" not in examples:
                    item = {**item, "examples": {**examples, "published": published}}
            out.append(RawRule(item, path, ("rules", i), lines))
        return out, errors
    if isinstance(data, dict):
        return [RawRule(data, path, (), lines)], []
    return [], [RuleError("a rule file holds one rule (a mapping with 'code') or 'rules: [...]'", path=str(path), line=1)]


def _data_path(data: Any, loc: Sequence[Any]) -> list[Any]:
    """The part of a pydantic error location that exists in the data (tags and model names dropped)."""
    out: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part not in node and _SINGULAR.get(part) in node:
            part = _SINGULAR[part]  # the error is about "measures" but the file says "measure:"
        if isinstance(node, dict) and part in node:
            node = node[part]
            out.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            out.append(part)
    return out


def _error_message(err: dict[str, Any], where: list[Any]) -> str:
    kind = err["type"]
    key = str(err["loc"][-1]) if err["loc"] else ""
    if kind == "extra_forbidden":
        choices = sorted(all_fields() | (CASE_KEYS if "examples" in where else set()) | {"flag", "pass"})
        close = difflib.get_close_matches(key, choices, n=1)
        return f"unknown key {key!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
    if kind == "missing":
        return f"missing key {key!r}"
    if kind == "union_tag_invalid":
        return f"unknown kind {err['ctx'].get('tag')!r}; kinds are {', '.join(KINDS)}"
    if kind == "union_tag_not_found":
        return f"missing key 'kind' (one of {', '.join(KINDS)})"
    dotted = ".".join(str(p) for p in where) or "rule"
    return f"{dotted}: {str(err['msg']).removeprefix('Value error, ')}"


def build(raw: RawRule) -> tuple[UserRule | None, list[RuleError]]:
    """Validate one rule's data and build it; on failure, the errors with their lines."""
    name = f"rule {raw.code}: " if raw.code else ""
    if not isinstance(raw.data, dict):
        return None, [RuleError(f"{name}a rule must be a mapping of keys to values", path=str(raw.path), line=raw.line)]
    try:
        spec = spec_adapter().validate_python(raw.data)
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            where = _data_path(raw.data, err["loc"])
            line = raw.lines.line([*raw.prefix, *where]) or raw.line
            errors.append(RuleError(name + _error_message(err, where), path=str(raw.path), line=line))
        return None, errors
    origin = Origin(str(raw.path), raw.line)
    try:
        rule = build_rule(spec, origin)
        for word, items in (("flag", spec.examples.flag), ("pass", spec.examples.pass_)):
            for i in range(len(items)):
                rule.example_lines[(word, i)] = raw.lines.line([*raw.prefix, "examples", word, i]) or raw.line
        return rule, []
    except RuleError as exc:
        if exc.path is None:
            exc.path, exc.line = str(raw.path), raw.line
        return None, [exc]
    except Exception as exc:  # noqa: BLE001 - a rule that cannot be built is reported, never fatal
        return None, [RuleError(f"{name}{type(exc).__name__}: {exc}", path=str(raw.path), line=raw.line)]


# -- files, folders, packages ----------------------------------------------------------------------


def is_rule_file(path: Path) -> bool:
    """Whether a file's name marks it as a rule file."""
    return path.name.lower().endswith(RULE_SUFFIXES)


def find_rule_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[RuleError]]:
    """Files named, and rule files inside folders named (sorted, recursive)."""
    files: list[Path] = []
    errors: list[RuleError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and is_rule_file(f)))
        elif p.is_file():
            files.append(p)
        else:
            errors.append(RuleError("no such rule file or folder", path=str(p)))
    return files, errors


def load_rule_file(path: str | Path) -> tuple[list[UserRule], list[RuleError]]:
    """The rules of one file, and the errors of its bad rules.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d) / "dated.rule.toml"
    ...     _ = p.write_text('code = "NEWS9"\\nname = "dated"\\nkind = "requires"\\ndate = true\\n')
    ...     load_rule_file(p)[0][0].info.name
    'dated'
    """
    try:
        raws, errors = raw_rules(Path(path))
    except RuleError as exc:
        return [], [exc]
    rules: list[UserRule] = []
    for raw in raws:
        rule, errs = build(raw)
        errors.extend(errs)
        if rule is not None:
            rules.append(rule)
    return rules, errors


def load_rule_files(paths: Iterable[str | Path]) -> tuple[list[UserRule], list[RuleError]]:
    """Rules from files and folders, and every error; a code defined twice keeps its first rule."""
    files, errors = find_rule_files(paths)
    rules: list[UserRule] = []
    seen: dict[str, UserRule] = {}
    for f in files:
        found, errs = load_rule_file(f)
        errors.extend(errs)
        for rule in found:
            code = rule.info.code
            if code in seen:
                errors.append(RuleError(f"rule {code} is already defined at {seen[code].origin}",
                                        path=rule.origin.path, line=rule.origin.line))
                continue
            seen[code] = rule
            rules.append(rule)
    return rules, errors


def _entry_points(name: str) -> list[Any]:
    from importlib.metadata import entry_points

    wanted = _normal(name)
    found = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(getattr(ep, "dist", None), "name", None)
        if _normal(ep.name) == wanted or (dist and _normal(dist) == wanted) or _normal(ep.module.split(".")[0]) == wanted:
            found.append(ep)
    return found


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def load_package_rules(name: str) -> tuple[list[Rule], list[RuleError]]:
    """Rules shipped by an installed package.

    The package's ``factcheck.rules`` entry point names an object -- or a
    function returning one -- that is a list of rules, a rule, or paths of
    rule files and folders. A package without an entry point is searched for
    rule files.
    """
    eps = _entry_points(name)
    rules: list[Rule] = []
    errors: list[RuleError] = []
    try:
        if not eps:
            from importlib import import_module

            module = import_module(name)
            folders = [Path(p) for p in getattr(module, "__path__", [])] or [Path(module.__file__ or ".").parent]
            found, errs = load_rule_files(folders)
            return list(found), errs
        for ep in eps:
            obj = ep.load()
            obj = obj() if callable(obj) and not isinstance(obj, (Rule, type)) else obj
            items = obj if isinstance(obj, (list, tuple)) else [obj]
            paths = [p for p in items if isinstance(p, (str, Path))]
            rules.extend(r for r in items if isinstance(r, Rule))
            bad = [x for x in items if not isinstance(x, (Rule, str, Path))]
            if bad:
                errors.append(RuleError(f"entry point {ep.name} gave {type(bad[0]).__name__}; expected rules or "
                                        "paths of rule files", path=name))
            if paths:
                found, errs = load_rule_files(paths)
                rules.extend(found)
                errors.extend(errs)
    except ModuleNotFoundError as exc:
        errors.append(RuleError(f"no rule package named {name!r} ({exc})", path=name))
    except Exception as exc:  # noqa: BLE001 - a broken package must not stop the run
        errors.append(RuleError(f"rule package failed to load: {type(exc).__name__}: {exc}", path=name))
    return rules, errors


class BrokenRule(Rule):
    """Stands in for a rule that failed to load: running it reports the load error as FC001."""

    def __init__(self, error: RuleError, code: str | None = None) -> None:
        self.error = error
        where = f"{Path(error.path).name}:{error.line}" if error.path and error.line else (error.path or "?")
        self.info = RuleInfo(  # type: ignore[misc]
            code=code or f"broken:{where}", name="broken-rule", severity=Severity.ERROR,
            summary=f"did not load: {error}",
        )

    def check(self, ctx: CheckContext) -> Iterator:
        raise self.error


def load_rules(
    paths: Iterable[str | Path],
    packages: Iterable[str] = (),
    report: IO[str] | None = None,
    *,
    keep_broken: bool = True,
) -> list[Rule]:
    """Rules from files, folders and installed packages, never failing on a bad rule.

    Each error is written to ``report`` (when given) as one line. With
    ``keep_broken`` each bad rule is replaced by a :class:`BrokenRule`, so a
    check run reports it as an FC001 error and its exit code says so.
    """
    rules: list[Rule] = []
    found, errors = load_rule_files(paths)
    rules.extend(found)
    for name in packages:
        more, errs = load_package_rules(name)
        rules.extend(more)
        errors.extend(errs)
    codes = {r.info.code for r in rules}
    for err in errors:
        if report is not None:
            print(f"factcheck: error: {err} (rule not loaded)", file=report)
        if keep_broken:
            m = re.match(r"rule ([A-Z][A-Z0-9_-]*):", err.message)
            code = m.group(1) if m and m.group(1) not in codes else None
            rules.append(BrokenRule(err, code))
            if code:
                codes.add(code)
    return rules

