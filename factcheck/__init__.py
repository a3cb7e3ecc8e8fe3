"""factcheck: check the figures and names in news text.

The public API is filled in as the pipeline grows; see README.md.
"""

__version__ = "0.1.0"
