"""The ``factcheck`` command: extract, check, rules, ledger, schema.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage,
configuration or input error. Errors are one line on stderr, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from factcheck.errors import FactcheckError, InputError, UsageError

#: File endings read when a folder is given.
DOCUMENT_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt", ".text")


def _expand(paths: Sequence[str]) -> Iterator[Path]:
    """Files named, and documents inside folders named (sorted, recursive)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in DOCUMENT_SUFFIXES:
                    yield child
        elif p.exists():
            yield p
        else:
            raise InputError("no such file or folder", path=raw)


def _load(path: Path, args: argparse.Namespace):
    from factcheck.documents import load_document

    return load_document(str(path), published=args.published, source=args.source)


def _gazetteer(args: argparse.Namespace, config):
    from factcheck.mentions.entities import Gazetteer

    gaz = Gazetteer.default()
    for aliases in [*(config.aliases if config else []), *(args.aliases or [])]:
        gaz = gaz.with_aliases_file(aliases)
    return gaz


def _config(args: argparse.Namespace):
    from factcheck.config import load_config

    config, _ = load_config(explicit=Path(args.config) if getattr(args, "config", None) else None)
    return config


# -- extract ---------------------------------------------------------------------


def _claim_row(c) -> list[str]:
    from factcheck.compare import describe

    q = getattr(c, "quantity", None)
    if q is not None:
        what = describe(q)
        about = " ".join(x for x in (c.measure or "?", f"[{c.scope}]" if c.scope else "") if x)
        subject = c.subject.name if c.subject else "-"
    elif c.kind == "role":
        what, about, subject = c.role, "role", c.person.name + (f" @ {c.org.name}" if c.org else "")
    elif c.kind == "event":
        what, about, subject = c.event, "event", ", ".join(p.name for p in c.participants)
    elif c.kind == "round":
        amount = f" {describe(c.amount)}" if c.amount else ""
        what = f"{(c.round or 'round').replace('_', ' ')}{amount} led by {', '.join(e.name for e in c.leads)}"
        about, subject = "round", c.company.name
    else:
        what, about, subject = ("not " if c.negated else "") + c.group, "member", ", ".join(m.name for m in c.members)
    t = c.time
    when = "as of publication" if t.as_of_publication else (
        f"{t.start or '…'}..{t.end or '…'}" if (t.start or t.end) else (t.text or "-"))
    return [f"{c.span.start}-{c.span.end}", c.text, what, about, subject, when, c.attribution or "-"]


def _render_table(rows: list[list[str]], header: list[str]) -> str:
    widths = [min(max(len(r[i]) for r in [header, *rows]), 40) for i in range(len(header))]
    lines = []
    for r in [header, *rows]:
        cells = [(cell if len(cell) <= w else cell[: w - 1] + "…").ljust(w) for cell, w in zip(r, widths)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def cmd_extract(args: argparse.Namespace) -> int:
    from factcheck.claims import extract_claims

    config = _config(args)
    gaz = _gazetteer(args, config)
    failed = False
    collected = []
    out = sys.stdout
    for path in _expand(args.files):
        try:
            doc = _load(path, args)
        except FactcheckError as exc:
            print(f"factcheck: skipped {exc}", file=sys.stderr)
            failed = True
            continue
        claims = extract_claims(doc, gazetteer=gaz)
        if args.format == "jsonl":
            for c in claims:
                out.write(c.model_dump_json() + "\n")
        elif args.format == "json":
            collected.extend(c.model_dump(mode="json") for c in claims)
        else:
            header = ["span", "text", "value", "measure", "subject", "time", "attribution"]
            out.write(f"{doc.label}  ({len(claims)} claims, published {doc.published or 'unknown'})\n")
            out.write(_render_table([_claim_row(c) for c in claims], header) + "\n\n")
        # Each document's claims are written and dropped: memory stays bounded by one document.
    if args.format == "json":
        json.dump(collected, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return 2 if failed else 0


# -- check -----------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from factcheck.checker import check
    from factcheck.report import exit_code, render
    from factcheck.report.text import render as render_text
    from factcheck.report.text import use_color
    from factcheck.rules import catalog
    from factcheck.rules.kinds._common import using_gazetteer

    config = _config(args)
    gaz = _gazetteer(args, config)
    with using_gazetteer(gaz):  # user rules resolve entity names with the run's aliases too
        rules = _rules(args, config)
        drafts = [_load(p, args) for p in _expand(args.files)]
        sources = [_load(p, args) for p in _expand(args.against or [])]
        claims = None
        if args.ledger:
            from factcheck.claims import extract_claims
            from factcheck.ledger import Ledger

            with Ledger(args.ledger) as ledger:
                sources = [*sources, *ledger.documents()]
                claims = [c for d in drafts for c in extract_claims(d, gazetteer=gaz)]
                stored = ledger.ids()
                claims += [c for d in sources if d.id not in stored for c in extract_claims(d, gazetteer=gaz)]
                claims += ledger.claims()
        select = args.select.split(",") if args.select else list(config.select)
        ignore = args.ignore.split(",") if args.ignore else list(config.ignore)
        report = check(drafts, sources, rules=rules, select=select, ignore=ignore, gazetteer=gaz, claims=claims)
    fmt = args.format or config.format
    texts = {d.path: d.text for d in [*drafts, *sources] if d.path}
    infos = catalog(rules)
    if fmt == "text":
        output = render_text(report, infos, texts, color=use_color(sys.stdout))
    else:
        output = render(report, fmt, infos, texts)
    if args.output:
        Path(args.output).write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return exit_code(report, args.fail_on or config.fail_on)


def _rules(args: argparse.Namespace, config):
    from factcheck.rules import builtin_rules

    rules = builtin_rules() if (config.extend_builtin if config else True) else []
    paths = [*(config.rules if config else []), *(getattr(args, "rules", None) or [])]
    packages = list(config.rule_packages) if config else []
    if paths or packages:
        from factcheck.rules.loader import load_rules

        rules = [*rules, *load_rules(paths, packages=packages, report=sys.stderr)]
    return rules


# -- rules -------------------------------------------------------------------------


def cmd_rules(args: argparse.Namespace) -> int:
    from factcheck.rules import catalog, explain

    if args.rules_command == "list":
        for info in catalog(_rules(args, _config(args))):
            print(f"{info.code}  {info.severity.value:<7}  {info.name:<26}  {info.summary}")
        return 0
    if args.rules_command == "explain":
        info = explain(args.code, _rules(args, _config(args)))
        print(f"{info.code} {info.name} ({info.severity.value})\n\n{info.summary}\n")
        if info.description:
            print(info.description + "\n")
        if info.example:
            print(f"Example: {info.example}")
        return 0
    if args.rules_command == "test":
        from factcheck.testing.runner import run_rule_tests

        return run_rule_tests(args.paths, out=sys.stdout)
    raise UsageError("say 'factcheck rules list', 'explain CODE' or 'test PATH'")


# -- ledger ------------------------------------------------------------------------


def cmd_ledger(args: argparse.Namespace) -> int:
    from factcheck.claims import extract_claims
    from factcheck.ledger import Ledger

    with Ledger(args.db) as ledger:
        if args.ledger_command == "add":
            gaz = _gazetteer(args, _config(args))
            n = 0
            for path in _expand(args.files):
                doc = _load(path, args)
                n += ledger.add(doc, extract_claims(doc, gazetteer=gaz))
            print(f"added {n} claims; the ledger holds {ledger.count()} claims from {len(ledger.ids())} documents")
        else:
            for d in ledger.documents():
                print(f"{d.id}  {d.published or '-':<10}  {d.label}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from factcheck.models import dump_json_schemas

    print(dump_json_schemas())
    return 0


# -- parser --------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(prog="factcheck", description="Check the figures and names in news text.")
    parser.add_argument("--version", action="version", version=f"factcheck {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    def doc_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--published", help="publication date for plain-text files (YYYY-MM-DD)")
        p.add_argument("--source", help="source name for plain-text files")
        p.add_argument("--aliases", action="append", help="extra entity aliases file (TOML or JSON)")
        p.add_argument("--config", help="configuration file (default: factcheck.toml or pyproject.toml)")

    ex = sub.add_parser("extract", help="list every claim found in files")
    ex.add_argument("files", nargs="+", help="files or folders")
    ex.add_argument("--format", choices=["jsonl", "json", "text"], default="text")
    doc_options(ex)
    ex.set_defaults(func=cmd_extract)

    ck = sub.add_parser("check", help="check drafts against sources or each other")
    ck.add_argument("files", nargs="+", help="drafts: files or folders")
    ck.add_argument("--against", nargs="+", help="sources to check the drafts against")
    ck.add_argument("--ledger", help="a claim ledger (SQLite) to check against")
    ck.add_argument("--format", choices=["text", "json", "sarif", "github", "markdown"])
    ck.add_argument("--fail-on", choices=["error", "warning", "info"])
    ck.add_argument("--select", help="comma-separated code prefixes to report")
    ck.add_argument("--ignore", help="comma-separated code prefixes to leave out")
    ck.add_argument("--rules", action="append", help="rule file or folder (repeatable)")
    ck.add_argument("--output", "-o", help="write the report to this file")
    doc_options(ck)
    ck.set_defaults(func=cmd_check)

    ru = sub.add_parser("rules", help="list, explain or test rules")
    rsub = ru.add_subparsers(dest="rules_command", required=True)
    rl = rsub.add_parser("list", help="every rule with its code")
    rl.add_argument("--rules", action="append")
    rl.add_argument("--config")
    re_ = rsub.add_parser("explain", help="what a rule finds and why")
    re_.add_argument("code")
    re_.add_argument("--rules", action="append")
    re_.add_argument("--config")
    rt = rsub.add_parser("test", help="run the examples of rule files")
    rt.add_argument("paths", nargs="+")
    ru.set_defaults(func=cmd_rules)

    le = sub.add_parser("ledger", help="a SQLite store of sources and their claims")
    lsub = le.add_subparsers(dest="ledger_command", required=True)
    la = lsub.add_parser("add", help="extract files into the ledger")
    la.add_argument("db")
    la.add_argument("files", nargs="+")
    doc_options(la)
    ll = lsub.add_parser("list", help="documents in the ledger")
    ll.add_argument("db")
    le.set_defaults(func=cmd_ledger)

    sc = sub.add_parser("schema", help="print the JSON Schema of every record")
    sc.set_defaults(func=cmd_schema)
    return parser


def _version() -> str:
    from factcheck import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help is 0, bad usage is 2
        return int(exc.code or 0)
    try:
        return args.func(args)
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except RecursionError:
        print("factcheck: error: input is nested too deeply to read", file=sys.stderr)
        return 2
    except MemoryError:
        print("factcheck: error: out of memory (input too large)", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the CLI never shows a traceback
        print(f"factcheck: internal error: {type(exc).__name__}: {exc} "
              "(please report this with the input that caused it)", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
