"""In-tree build backend: setuptools, plus mypy as a build requirement when FACTCHECK_COMPILE is set.

A plain install never downloads mypy; ``FACTCHECK_COMPILE=1 pip install .`` gets it in the
isolated build environment, where ``setup.py`` uses its mypyc to compile the pipeline.
"""

from __future__ import annotations

import os

from setuptools.build_meta import *  # noqa: F401,F403  (the standard hooks, unchanged)

# mypyc, and the libraries the compiled modules import, so that it type-checks against them
_COMPILER = ["mypy>=2.4,<3", "pydantic>=2.5", "rapidfuzz>=3.0"]


def _compiling() -> bool:
    return os.environ.get("FACTCHECK_COMPILE", "") not in ("", "0")


# setuptools' own hooks would run setup.py to collect setup_requires (there are none), which would
# import mypyc before it is installed: the compiler is the only extra requirement.
def get_requires_for_build_wheel(config_settings=None):
    return list(_COMPILER) if _compiling() else []


def get_requires_for_build_editable(config_settings=None):
    return list(_COMPILER) if _compiling() else []
