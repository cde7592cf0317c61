"""Whether a record's text is an HTML page (then ``htmlpage`` imports it, whatever its file name)."""

from __future__ import annotations

import re

HTML_RE = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
