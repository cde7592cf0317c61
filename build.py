#!/usr/bin/env python3
"""Build the literature-review site: `python build.py --help`."""

import sys

from litsite.cli import main

if __name__ == "__main__":
    sys.exit(main())
