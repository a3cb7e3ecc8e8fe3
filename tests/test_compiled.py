"""The optional compiled build: which modules it compiles, and that CI's compiled run really is one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import factcheck
from factcheck._compiled import MODULES

ROOT = Path(__file__).resolve().parent.parent


def test_every_compiled_module_is_a_module_of_the_package() -> None:
    for path in MODULES:
        assert (ROOT / path).is_file(), path
        assert path.startswith("factcheck/") and path.endswith(".py")
    assert len(set(MODULES)) == len(MODULES)


def test_the_models_and_the_word_lists_stay_python() -> None:
    # pydantic models and cached properties need what compiled classes lack (an instance __dict__)
    assert "factcheck/models.py" not in MODULES
    assert "factcheck/lexicon.py" not in MODULES


@pytest.mark.skipif(os.environ.get("FACTCHECK_EXPECT_COMPILED") != "1", reason="only in CI's compiled run")
def test_the_compiled_run_runs_compiled_code() -> None:
    assert factcheck.compiled()
    from factcheck.mentions import numbers

    assert not numbers.__file__.endswith(".py")


def test_a_pure_install_says_so() -> None:
    if os.environ.get("FACTCHECK_EXPECT_COMPILED") == "1":
        pytest.skip("the compiled run")
    from factcheck.mentions import numbers

    assert factcheck.compiled() is (not numbers.__file__.endswith(".py"))
