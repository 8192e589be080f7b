"""What the document view loads on a worker: the details snapshot and the path of the current
main file in the file store (verification is a separate, slower task). No Qt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.workspace import Workspace

if TYPE_CHECKING:  # the views pull edXML and lxml: loaded with the first document, not at start
    from app.services.documents.views import DocumentDetails


@dataclass(frozen=True)
class Loaded:
    details: DocumentDetails
    main_path: Path | None
    main_name: str


def load_document(ws: Workspace, doc_id: int) -> Loaded:
    from app.services.documents.views import document_details

    details = document_details(ws, doc_id)
    main = [f for f in details.files if f.current and f.role == "main"]
    pdfs = [f for f in main if f.media_type == "application/pdf" or f.name.lower().endswith(".pdf")]
    if not pdfs:
        return Loaded(details, None, "")
    return Loaded(details, ws.files.path_for(pdfs[0].sha256), pdfs[0].name)
