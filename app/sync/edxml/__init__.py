"""The edXML codec (QCVN 102:2016/BTTTT): document and status packages to bytes and back.

``build_document_package``/``write_document_package`` (and the status twins) are strict and write
the standard's element order; ``parse_package`` is liberal about form and hard on hostile input.
Bad input only ever raises ``PackageInvalid`` (or its ``PackageLimitExceeded``), naming the
element or limit. No network, no HTTP, no database and no Qt here: the transport and the
outbox/inbox engine use this package, never the other way round.
"""

from __future__ import annotations

from app.sync.edxml.errors import PackageInvalid, PackageLimitExceeded
from app.sync.edxml.limits import Limits
from app.sync.edxml.model import (
    NAMESPACE,
    Attachment,
    Bussiness,
    BussinessDocType,
    Code,
    DocumentHeader,
    DocumentPackage,
    DocumentType,
    Organization,
    OtherInfo,
    PromulgationInfo,
    ReplacementInfo,
    ResponseFor,
    SignerInfo,
    StaffInfo,
    StatusCode,
    StatusHeader,
    StatusPackage,
    TraceHeader,
)
from app.sync.edxml.reader import parse_package
from app.sync.edxml.values import VIETNAM, guess_content_type
from app.sync.edxml.writer import (
    build_document_package,
    build_status_package,
    write_document_package,
    write_status_package,
)

__all__ = [
    "NAMESPACE",
    "VIETNAM",
    "Attachment",
    "Bussiness",
    "BussinessDocType",
    "Code",
    "DocumentHeader",
    "DocumentPackage",
    "DocumentType",
    "Limits",
    "Organization",
    "OtherInfo",
    "PackageInvalid",
    "PackageLimitExceeded",
    "PromulgationInfo",
    "ReplacementInfo",
    "ResponseFor",
    "SignerInfo",
    "StaffInfo",
    "StatusCode",
    "StatusHeader",
    "StatusPackage",
    "TraceHeader",
    "build_document_package",
    "build_status_package",
    "guess_content_type",
    "parse_package",
    "write_document_package",
    "write_status_package",
]
