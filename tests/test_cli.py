"""The command line: formats, exit codes, and clean errors on bad input."""

import json
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_extract_jsonl_has_the_promised_fields(tmp_path, capsys):
    f = write(tmp_path, "a.md", "---\npublished: 2024-01-29\n---\nErnie Bot had over 100 million users in December.\n")
    code, out, err = run(capsys, "extract", f, "--format", "jsonl")
    assert code == 0, err
    [row] = [json.loads(line) for line in out.splitlines()]
    for key in ("kind", "path", "span", "sentence", "subject", "measure", "counted", "scope", "quantity", "time",
                "attribution"):
        assert key in row
    assert row["quantity"]["bound"] == "more_than" and row["quantity"]["value"] == 100000000
    assert row["time"]["start"] == "2023-12-01"
    text = Path(f).read_text(encoding="utf-8")
    assert text[row["span"]["start"] : row["span"]["end"]] == "over 100 million"


def test_extract_text_table_and_flags(tmp_path, capsys):
    f = write(tmp_path, "a.txt", "Ernie Bot had over 100 million users in December.")
    code, out, _ = run(capsys, "extract", f, "--published", "2024-01-29", "--source", "Daily")
    assert code == 0 and "more than 100,000,000" in out and "2023-12-01..2023-12-31" in out


def test_check_exit_codes_and_fail_on(tmp_path, capsys):
    a = write(tmp_path, "a.md", "---\npublished: 2024-05-02\n---\nQwen had 60 million registered users on 1 May 2024.\n")
    b = write(tmp_path, "b.md", "---\npublished: 2024-05-02\n---\nQwen had 90 million registered users on 1 May 2024.\n")
    c = write(tmp_path, "c.md", "---\npublished: 2024-05-02\n---\nQwen had 60 million registered users on 1 May 2024.\n")
    assert run(capsys, "check", a, "--against", b)[0] == 1
    assert run(capsys, "check", a, "--against", c)[0] == 0
    assert run(capsys, "check", a, "--against", c, "--fail-on", "info")[0] == 1
    assert run(capsys, "check", a, "--against", b, "--ignore", "FC1")[0] == 0


def test_check_json_shape(tmp_path, capsys):
    a = write(tmp_path, "a.md", "---\npublished: 2024-05-02\n---\nQwen had 60 million registered users on 1 May 2024.\n")
    b = write(tmp_path, "b.md", "---\npublished: 2024-05-02\n---\nQwen had 90 million registered users on 1 May 2024.\n")
    code, out, _ = run(capsys, "check", a, "--against", b, "--format", "json")
    data = json.loads(out)
    [f] = [f for f in data["findings"] if f["code"] == "FC101"]
    assert f["relation"] == "contradiction" and f["severity"] == "error"
    assert {c["path"] for c in f["claims"]} == {a, b}
    assert all({"span", "quote", "value", "time"} <= set(c) for c in f["claims"])
    assert data["summary"]["errors"] >= 1


def test_check_sarif_and_github(tmp_path, capsys):
    a = write(tmp_path, "a.md", "---\npublished: 2024-05-02\n---\nQwen had 60 million registered users on 1 May 2024.\n")
    b = write(tmp_path, "b.md", "---\npublished: 2024-05-02\n---\nQwen had 90 million registered users on 1 May 2024.\n")
    _, out, _ = run(capsys, "check", a, "--against", b, "--format", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    _, out, _ = run(capsys, "check", a, "--against", b, "--format", "github")
    assert out.startswith("::error ") and "line=4" in out


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), b"plain text then \xc3\x28 and \x80\x81 bytes"])
def test_binary_input_is_one_clear_line(tmp_path, capsys, content):
    p = tmp_path / "x.md"
    p.write_bytes(content)
    code, out, err = run(capsys, "check", str(p))
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1 and "x.md" in err


def test_missing_file_and_bad_usage(capsys, tmp_path):
    assert run(capsys, "check", str(tmp_path / "nope.md"))[0] == 2
    assert run(capsys, "check")[0] == 2
    assert run(capsys, "check", "--fail-on", "panic", "x")[0] == 2


def test_extract_skips_bad_file_and_keeps_the_good(tmp_path, capsys):
    good = write(tmp_path, "good.txt", "Acme sold 5 million robots in 2023.")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00")
    code, out, err = run(capsys, "extract", str(bad), good, "--format", "jsonl")
    assert code == 2 and "bad.txt" in err and len(out.splitlines()) == 1


def test_rules_list_and_explain(capsys):
    code, out, _ = run(capsys, "rules", "list")
    assert code == 0 and "FC101" in out and "FC403" in out
    code, out, _ = run(capsys, "rules", "explain", "fc102")
    assert code == 0 and "scale-slip" in out
    assert run(capsys, "rules", "explain", "FC999")[0] == 2


def test_ledger_round_trip(tmp_path, capsys):
    src = write(tmp_path, "s.md", "---\npublished: 2024-05-02\n---\nQwen had 90 million registered users on 1 May 2024.\n")
    draft = write(tmp_path, "d.md", "---\npublished: 2024-05-03\n---\nQwen had 60 million registered users on 1 May 2024.\n")
    db = str(tmp_path / "ledger.db")
    code, out, _ = run(capsys, "ledger", "add", db, src)
    assert code == 0 and "added 1 claims" in out
    assert run(capsys, "check", draft, "--ledger", db)[0] == 1


def test_readme_example_runs(capsys):
    code, out, _ = run(capsys, "check", str(ROOT / "examples" / "draft.md"), "--against", str(ROOT / "examples" / "sources"))
    assert code == 1 and "FC102" in out


def test_huge_single_line_does_not_hang(tmp_path, capsys):
    p = tmp_path / "big.txt"
    p.write_text("1," * 200_000 + " and (((((" * 20_000, encoding="utf-8")
    code, _, err = run(capsys, "extract", str(p), "--format", "jsonl", "--published", "2024-01-01")
    assert code == 0, err


def test_user_rules_resolve_entities_with_the_runs_aliases(tmp_path, capsys):
    # The rule names the company by an alias that only the user's aliases file knows; the draft uses the
    # canonical name. With --aliases the rule must see them as one entity.
    aliases = write(tmp_path, "aliases.toml", '"Kestrel Batteries" = ["Kestrel Power Cells"]\n')
    rules = write(tmp_path, "house.rules.yaml", """
rules:
  - code: HOUSE1
    name: dated-kestrel-figures
    kind: requires
    entity: Kestrel Power Cells
    date: true
    severity: warning
    message: "{text} needs a date"
""")
    draft = write(tmp_path, "draft.md", "---\npublished: 2024-05-14\n---\n\nKestrel Batteries has 900 employees.\n")
    code, out, _ = run(capsys, "check", draft, "--rules", rules, "--aliases", aliases, "--select", "HOUSE1",
                       "--format", "json")
    assert [f["code"] for f in json.loads(out)["findings"]] == ["HOUSE1"]
    code, out, _ = run(capsys, "check", draft, "--rules", rules, "--select", "HOUSE1", "--format", "json")
    assert json.loads(out)["findings"] == []  # without the aliases file the names are two entities


def test_python_dash_m_runs_the_same_command_line(tmp_path):
    """``python -m factcheck`` works where the console script is not on PATH, with the same exit codes."""
    import subprocess
    import sys

    f = write(tmp_path, "a.md", "---\npublished: 2024-01-29\n---\nErnie Bot had over 100 million users in December.\n")
    done = subprocess.run([sys.executable, "-m", "factcheck", "extract", f, "--format", "jsonl"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    [row] = [json.loads(line) for line in done.stdout.splitlines()]
    assert row["measure"] == "users" and row["quantity"]["value"] == 100000000
    bad = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(tmp_path / "missing.md")],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
