"""The result of importing an article record: the study, its references and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportResult:
    """A study (CSL item plus litsite extras, empty if the record has none), its references and warnings."""

    study: dict
    references: list[dict]
    warnings: list[str] = field(default_factory=list)
    # The study page's Markdown (abstract and full text, text already escaped); "" writes the abstract alone.
    body: str = ""
