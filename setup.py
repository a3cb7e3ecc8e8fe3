"""Build hook for the optional compiled build; everything else is in ``pyproject.toml``.

``pip install .`` builds pure Python. ``FACTCHECK_COMPILE=1 pip install .`` also compiles the
modules listed in ``factcheck/_compiled.py`` with mypyc (it needs a C compiler and the Python
headers; the in-tree backend in ``_build/`` asks pip for mypy only then).
"""

import os
import runpy

from setuptools import setup


def _ext_modules() -> list:
    if os.environ.get("FACTCHECK_COMPILE", "") in ("", "0"):
        return []
    from mypyc.build import mypycify

    modules = runpy.run_path(os.path.join("factcheck", "_compiled.py"))["MODULES"]
    # Type-check only the compiled modules (what they import is taken as declared), and let an
    # attribute of an optional value be read as Python would: an AttributeError if it is None.
    options = ["--follow-imports=silent", "--disable-error-code=union-attr"]
    return mypycify([*options, *modules], opt_level="3")


setup(ext_modules=_ext_modules())
