"""A preview-only copy of a PDF whose form widgets draw like ordinary annotations.

pdfium draws form widgets (the filled number and date fields, the signature and seal images of
a signed document) only through its form-fill layer, which QtPdf never calls: even with
``RenderFlag.Annotations`` those boxes stay empty. Here every widget that has an appearance
becomes a ``/Stamp`` annotation in an incremental update kept in memory, which pdfium paints
from the same appearance stream. The copy is for the eyes only: it is never written to disk,
verified or sent (the update would break every signature).

Qt-free and slow for big files (pyhanko parses the cross-reference tables): run it on a worker.
"""

from __future__ import annotations

import logging
from io import BytesIO
from pathlib import Path

log = logging.getLogger(__name__)

# Above this the copy would cost too much memory (the whole file is held twice); the preview then
# shows the pages without the field appearances.
MAX_BYTES = 200 * 1024 * 1024


def widgets_as_stamps(path: Path, max_bytes: int = MAX_BYTES) -> bytes | None:
    """The PDF with its visible widgets turned into stamps, or None when there is none (or the
    file cannot be parsed: the preview then shows what QtPdf shows, never an error)."""
    try:
        if path.stat().st_size > max_bytes:
            return None
        return _rewrite(path.read_bytes())
    except Exception:  # noqa: BLE001 - a preview nicety must never stop the preview
        log.info("cannot prepare field appearances for the preview of %s", path, exc_info=True)
        return None


def _rewrite(data: bytes) -> bytes | None:
    # pyhanko is imported here, not at module level: this module sits under app.ui.pdf, which
    # the start path may import, and pyhanko costs hundreds of milliseconds.
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    changed = 0
    for index in range(int(writer.root["/Pages"]["/Count"])):
        page_ref, _resources = writer.find_page_for_modification(index)
        annots = page_ref.get_object().get("/Annots")
        for item in annots if annots is not None else ():
            indirect = isinstance(item, generic.IndirectObject)
            annot = item.get_object() if indirect else item
            if annot.get("/Subtype") != "/Widget" or "/AP" not in annot:
                continue
            annot["/Subtype"] = generic.NameObject("/Stamp")
            writer.mark_update(item if indirect else page_ref)
            changed += 1
    if not changed:
        return None
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
