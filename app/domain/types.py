"""The vocabulary shared by every layer: enumerations stored in the database by their value."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Direction(StrEnum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"


class Role(StrEnum):
    LEADER = "leader"  # lãnh đạo
    CLERK = "clerk"  # văn thư
    SPECIALIST = "specialist"  # chuyên viên
    ADMIN = "admin"


class Urgency(IntEnum):
    """edXML ``Priority``."""

    NORMAL = 0  # thường
    URGENT = 1  # khẩn
    VERY_URGENT = 2  # thượng khẩn
    FLASH = 3  # hỏa tốc
    FLASH_TIMED = 4  # hỏa tốc hẹn giờ


class Secrecy(StrEnum):
    NONE = "none"
    MAT = "mat"  # Mật
    TOI_MAT = "toi-mat"  # Tối mật
    TUYET_MAT = "tuyet-mat"  # Tuyệt mật


class FileRole(StrEnum):
    MAIN = "main"
    ATTACHMENT = "attachment"


class SignatureRole(StrEnum):
    LEADER = "leader"
    AGENCY = "agency"
    ATTACHMENT = "attachment"
    COPY = "copy"


class DocumentState(StrEnum):
    """Both life cycles in one vocabulary; ``Direction`` says which machine applies."""

    # outgoing
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    SIGNED = "signed"
    ISSUED = "issued"
    SENT = "sent"
    CANCELLED = "cancelled"
    # incoming
    ARRIVED = "arrived"
    VERIFIED = "verified"
    REJECTED = "rejected"
    REGISTERED = "registered"
    ASSIGNED = "assigned"
    PROCESSING = "processing"
    COMPLETED = "completed"
    QUARANTINED = "quarantined"


class Verdict(StrEnum):
    VALID = "VALID"
    VALID_CHANGED_LATER = "VALID_CHANGED_LATER"
    NEEDS_REVIEW = "NEEDS_REVIEW"
    INVALID = "INVALID"
    CANNOT_VERIFY = "CANNOT_VERIFY"


class OutboxState(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # a 4xx: will not be retried until a person acts


class InboxState(StrEnum):
    LISTED = "listed"
    STORED = "stored"
    ACKED = "acked"
    FAILED = "failed"
