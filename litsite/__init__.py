"""litsite: a static-site generator for literature-review pages."""

__version__ = "0.1.0"
