"""Config discovery, validation errors with lines, path resolution and code selection."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from factcheck.config import Config, code_selected, find_config, load_config
from factcheck.errors import ConfigError


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository root (it has .git) with nested folders a/b/c."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "a" / "b" / "c").mkdir(parents=True)
    return root


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_no_file(repo: Path) -> None:
    config, found = load_config(start=repo / "a" / "b")
    assert found is None
    assert config == Config()
    assert (config.select, config.ignore, config.fail_on, config.format) == ([], [], "error", "text")
    assert config.extend_builtin is True


def test_pyproject_found_from_a_nested_folder(repo: Path) -> None:
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.factcheck]\nselect = ["FC1"]\nfail_on = "warning"\n')
    config, found = load_config(start=repo / "a" / "b" / "c")
    assert found == repo / "pyproject.toml"
    assert config.select == ["FC1"] and config.fail_on == "warning"


def test_nearest_file_wins_and_factcheck_toml_beats_pyproject(repo: Path) -> None:
    write(repo / "pyproject.toml", '[tool.factcheck]\nformat = "json"\n')
    write(repo / "a" / "pyproject.toml", '[tool.factcheck]\nformat = "sarif"\n')
    write(repo / "a" / "factcheck.toml", 'format = "markdown"\n')
    # A pyproject.toml without the table does not count: the walk goes on upward.
    write(repo / "a" / "b" / "pyproject.toml", '[tool.ruff]\nline-length = 100\n')
    config, found = load_config(start=repo / "a" / "b" / "c")
    assert found == repo / "a" / "factcheck.toml"
    assert config.format == "markdown"
    (repo / "a" / "factcheck.toml").unlink()
    assert load_config(start=repo / "a" / "b")[0].format == "sarif"


def test_walk_stops_at_the_repository_root(tmp_path: Path, repo: Path) -> None:
    write(tmp_path / "factcheck.toml", 'fail_on = "info"\n')  # outside the repository
    assert find_config(repo / "a") is None
    # ...but a file in the root folder itself is found.
    write(repo / "factcheck.toml", 'fail_on = "warning"\n')
    assert load_config(start=repo / "a")[0].fail_on == "warning"


def test_start_defaults_to_the_working_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(repo / "factcheck.toml", 'ignore = ["FC4"]\n')
    monkeypatch.chdir(repo / "a")
    config, found = load_config()
    assert found is not None and found.resolve() == (repo / "factcheck.toml").resolve()
    assert config.ignore == ["FC4"]


def test_factcheck_toml_may_use_a_tool_table(repo: Path) -> None:
    path = write(repo / "factcheck.toml", '[tool.factcheck]\nselect = ["ALL"]\n')
    assert load_config(explicit=path)[0].select == ["ALL"]


def test_factcheck_toml_cannot_mix_both_styles(repo: Path) -> None:
    path = write(repo / "factcheck.toml", 'select = ["FC1"]\n\n[tool.factcheck]\nignore = ["FC2"]\n')
    with pytest.raises(ConfigError, match="outside") as info:
        load_config(explicit=path)
    assert info.value.line == 1


def test_unknown_key_names_file_key_and_line(repo: Path) -> None:
    path = write(
        repo / "pyproject.toml",
        '[project]\nname = "x"\ncolour = "in project, not ours"\n\n'
        '[tool.factcheck]\nselect = ["FC1"]\ncolour = "red"\n',
    )
    with pytest.raises(ConfigError) as info:
        load_config(start=repo)
    err = info.value
    assert err.path == str(path) and err.line == 7  # the one under [tool.factcheck], not line 3
    assert "unknown key 'colour'" in err.message
    assert str(err).startswith(f"{path}:7: ")


def test_unknown_key_suggests_the_near_miss(repo: Path) -> None:
    path = write(repo / "factcheck.toml", '\n\nfail-on = "warning"\n')
    with pytest.raises(ConfigError, match="did you mean 'fail_on'") as info:
        load_config(explicit=path)
    assert info.value.line == 3


@pytest.mark.parametrize(
    ("body", "key", "line"),
    [
        ('select = ["FC1"]\nfail_on = "fatal"\n', "fail_on", 2),
        ('select = "FC1"\n', "select", 1),
        ('# comment\n\nextend_builtin = "sometimes"\n', "extend_builtin", 3),
        ('ignore = ["FC 1"]\n', "ignore", 1),
        ('format = "html"\n', "format", 1),
    ],
)
def test_wrong_values_name_key_and_line(repo: Path, body: str, key: str, line: int) -> None:
    path = write(repo / "factcheck.toml", body)
    with pytest.raises(ConfigError, match=f"invalid value for '{key}") as info:
        load_config(explicit=path)
    assert (info.value.path, info.value.line) == (str(path), line)


def test_toml_syntax_error_has_a_line(repo: Path) -> None:
    path = write(repo / "factcheck.toml", 'select = ["FC1"]\nfail_on = \n')
    with pytest.raises(ConfigError, match="invalid TOML") as info:
        load_config(explicit=path)
    assert info.value.line == 2


def test_explicit_file_problems(repo: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(explicit=repo / "missing.toml")
    path = write(repo / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool.factcheck\] table"):
        load_config(explicit=path)
    path = write(repo / "pyproject.toml", '[tool]\nfactcheck = 3\n')
    with pytest.raises(ConfigError, match="must be a table"):
        load_config(explicit=path)
    (repo / "bad.toml").write_bytes(b"select = ['\xff']\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(explicit=repo / "bad.toml")


def test_paths_resolve_against_the_config_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        repo / "a" / "factcheck.toml",
        'aliases = ["data/aliases.toml", "/etc/abs.toml"]\nrules = ["../rules"]\nrule_packages = ["newsrules"]\n',
    )
    monkeypatch.chdir(repo / "a" / "b")  # the working folder must not matter
    config, _ = load_config()
    base = (repo / "a").resolve()
    assert config.aliases == [str(base / "data" / "aliases.toml"), os.path.normpath("/etc/abs.toml")]
    assert config.rules == [str(repo.resolve() / "rules")]
    assert config.rule_packages == ["newsrules"]  # package names are not paths


def test_config_is_frozen() -> None:
    with pytest.raises(ValidationError):
        Config().fail_on = "info"  # type: ignore[misc]


# --- selection --------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "select", "ignore", "expected"),
    [
        ("FC101", [], [], True),  # empty select means all
        ("FC101", ["ALL"], [], True),
        ("FC101", ["FC1"], [], True),
        ("FC201", ["FC1"], [], False),
        ("FC101", [], ["FC1"], False),
        ("FC101", ["FC"], ["FC1"], False),  # the longer ignore prefix wins
        ("FC101", ["FC101"], ["FC1"], True),  # the longer select prefix wins
        ("FC102", ["FC101"], ["FC1"], False),
        ("FC101", ["FC1"], ["FC1"], False),  # a tie goes to ignore
        ("FC101", ["ALL"], ["ALL"], False),
        ("FC101", ["FC2", "FC10"], [], True),
        ("FC101", [], ["ALL"], False),
        ("XX1", ["FC"], [], False),
    ],
)
def test_code_selected(code: str, select: list[str], ignore: list[str], expected: bool) -> None:
    assert code_selected(code, select, ignore) is expected


_CODES = st.from_regex(r"\A[A-Z]{2}[0-9]{1,4}\Z")


@settings(max_examples=100, deadline=None)
@given(code=_CODES, cut=st.integers(0, 6))
def test_code_selected_properties(code: str, cut: int) -> None:
    prefix = code[: max(1, min(cut, len(code) - 1))]
    assert code_selected(code, [], [])
    assert not code_selected(code, ["ALL"], [code])
    # Naming the exact code beats any shorter ignore prefix, and vice versa.
    assert code_selected(code, [code], [prefix, "ALL"])
    assert not code_selected(code, [prefix, "ALL"], [code])
