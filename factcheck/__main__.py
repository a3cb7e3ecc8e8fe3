"""``python -m factcheck``: the command line, for environments where the ``factcheck`` script is not on PATH."""

import sys

from factcheck.cli import main

sys.exit(main())
