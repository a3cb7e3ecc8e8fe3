"""Read the lexicons shipped under ``factcheck/data/`` (TOML), once each."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


_DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict[str, Any]:
    """Parse ``factcheck/data/<name>`` (a TOML file) and cache the result.

    >>> isinstance(load_toml("measures.toml"), dict)
    True
    """
    # Resolved next to this file rather than through importlib.resources: modules read their
    # lexicons while the package itself is still being imported.
    text = (_DATA / name).read_text(encoding="utf-8")
    return tomllib.loads(text)
