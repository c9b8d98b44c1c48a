"""Writers: TEI files -> reading formats, each an XSLT 3.0 entry stylesheet in `xslt/`.

A writer takes the whole set of documents at once (an HTML site needs its indexes, the
edition PDF its table of contents), compiles its stylesheets once, and reports per
document what it wrote and what failed; one failing document never stops the others.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Protocol, Sequence

# format name -> "module:function"; each function is a Writer.
FORMATS: dict[str, str] = {
    "html": "teikit.writers.html:write_html",
    "text": "teikit.writers.text:write_text",
    "pdf": "teikit.writers.pdf:write_pdf",
    "cmif": "teikit.writers.cmif:write_cmif",
}


@dataclass
class RenderFailure:
    document: Path | None  # None: a failure of the whole run (a stylesheet that does not compile)
    message: str  # one line; names the stylesheet and its line when Saxon says


@dataclass
class RenderReport:
    written: list[Path] = field(default_factory=list)
    failures: list[RenderFailure] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.failures)


class Writer(Protocol):
    def __call__(
        self,
        documents: Sequence[Path],
        out_dir: Path,
        params: Mapping[str, str],
        registers: Path | None,
    ) -> RenderReport:
        """Render `documents` (TEI files) into `out_dir`; `registers` is the folder of
        persons.xml/places.xml/orgs.xml, or None when the edition has none."""
        ...


def writer_for(fmt: str) -> Writer:
    module, function = FORMATS[fmt].split(":")
    return getattr(importlib.import_module(module), function)
