"""Position conditions: near-note-distance read where CSL puts it.

CSL 1.0.2 "Citation-specific Options": near-note-distance (default 5) is an attribute of cs:citation. citeproc-py
asked the style's root for it, which knows no such option: every style testing position="near-note" raised KeyError
(and would have compared a number with the attribute's text).
"""

from __future__ import annotations

from litsite.csl.elements import extend

NEAR_NOTE_DISTANCE = 5


@extend("style")
class NearNoteOption:
    """cs:style: near-note-distance from cs:citation, as a number."""

    def get_option(self, name: str) -> object:
        """The option's value; near-note-distance from cs:citation (5 when absent or not a number)."""
        if name == "near-note-distance":
            citation = self.find("cs:citation", self.nsmap)
            value = str(citation.get(name, "")) if citation is not None else ""
            return int(value) if value.isdigit() else NEAR_NOTE_DISTANCE
        return super().get_option(name)
