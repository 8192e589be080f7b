"""Document use cases: drafting, signing and issuing outgoing documents, receiving, registering
and handling incoming ones, search, import and export of edXML packages. See docs/workflows.md.

Every use case takes the workspace, the acting person's username and typed arguments, runs ONE
write transaction (state change + audit event + outbox row commit together; transitions through
``app.domain.workflow``) and returns a frozen snapshot. Plain Python, no Qt; the token and the
PAdES engine are imported only by the steps that sign.

The names below load on first use (PEP 562 ``__getattr__``): the GUI's start path needs only a
few of them, and importing every use case (edXML and lxml, registers, the bulk generator) would
cost a few hundred milliseconds at every start. Type checkers see the plain imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.lazy import lazy_exports

if TYPE_CHECKING:
    from app.services.documents.bulk import BulkSpec, generate_documents
    from app.services.documents.drafting import DraftInput, create_draft
    from app.services.documents.exporting import export_document
    from app.services.documents.incoming import (
        answer_recall,
        assign,
        complete,
        progress,
        register,
        reject,
    )
    from app.services.documents.issuing import TokenJob, issue, sign
    from app.services.documents.outgoing import (
        approve,
        cancel,
        confirm_paper_copy,
        recall,
        return_draft,
        submit,
    )
    from app.services.documents.people import (
        USER_ENV,
        Actor,
        add_person,
        ensure_agency,
        sign_in,
        username_from,
    )
    from app.services.documents.receiving import ReceiveOutcome, receive_file
    from app.services.documents.results import (
        ActionResult,
        DocumentInfo,
        ExportOutcome,
        IssueOutcome,
        to_json,
    )
    from app.services.documents.search import search_documents
    from app.services.documents.statuses import StatusOutcome
    from app.services.documents.verification import (
        NO_SIGNATURE,
        FileCheck,
        Verifier,
        VerifyOutcome,
        default_verifier,
        verify_again,
    )
    from app.services.documents.views import DocumentDetails, document_details

# name -> the submodule that defines it (kept in step with the imports above by a test)
_HOME = {
    **dict.fromkeys(("BulkSpec", "generate_documents"), "bulk"),
    **dict.fromkeys(("DraftInput", "create_draft"), "drafting"),
    "export_document": "exporting",
    **dict.fromkeys(
        ("answer_recall", "assign", "complete", "progress", "register", "reject"), "incoming"
    ),
    **dict.fromkeys(("TokenJob", "issue", "sign"), "issuing"),
    **dict.fromkeys(
        ("approve", "cancel", "confirm_paper_copy", "recall", "return_draft", "submit"), "outgoing"
    ),
    **dict.fromkeys(
        ("USER_ENV", "Actor", "add_person", "ensure_agency", "sign_in", "username_from"), "people"
    ),
    **dict.fromkeys(("ReceiveOutcome", "receive_file"), "receiving"),
    **dict.fromkeys(
        ("ActionResult", "DocumentInfo", "ExportOutcome", "IssueOutcome", "to_json"), "results"
    ),
    "search_documents": "search",
    "StatusOutcome": "statuses",
    **dict.fromkeys(
        (
            "NO_SIGNATURE",
            "FileCheck",
            "Verifier",
            "VerifyOutcome",
            "default_verifier",
            "verify_again",
        ),
        "verification",
    ),
    **dict.fromkeys(("DocumentDetails", "document_details"), "views"),
}


__getattr__, __dir__ = lazy_exports(__name__, _HOME, globals())

__all__ = [
    "NO_SIGNATURE",
    "USER_ENV",
    "ActionResult",
    "Actor",
    "BulkSpec",
    "DocumentDetails",
    "DocumentInfo",
    "DraftInput",
    "ExportOutcome",
    "FileCheck",
    "IssueOutcome",
    "ReceiveOutcome",
    "StatusOutcome",
    "TokenJob",
    "Verifier",
    "VerifyOutcome",
    "add_person",
    "answer_recall",
    "approve",
    "assign",
    "cancel",
    "complete",
    "confirm_paper_copy",
    "create_draft",
    "default_verifier",
    "document_details",
    "ensure_agency",
    "export_document",
    "generate_documents",
    "issue",
    "progress",
    "recall",
    "receive_file",
    "register",
    "reject",
    "return_draft",
    "search_documents",
    "sign",
    "sign_in",
    "submit",
    "to_json",
    "username_from",
    "verify_again",
]
