"""Agencies (with their official identifier codes) and the people who work in them."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.types import Role
from app.models.base import Base, enum_column


class Agency(Base):
    """An agency known to this workspace: our own (``is_local``) or a peer on the platform."""

    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(64), unique=True)  # mã định danh
    name: Mapped[str] = mapped_column(sa.String(300))
    short_name: Mapped[str] = mapped_column(sa.String(40), default="")  # used in symbols: QĐ-UBND
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("agencies.id"))
    is_local: Mapped[bool] = mapped_column(default=False)
    address: Mapped[str] = mapped_column(sa.String(300), default="")
    email: Mapped[str] = mapped_column(sa.String(200), default="")
    phone: Mapped[str] = mapped_column(sa.String(60), default="")

    parent: Mapped[Agency | None] = relationship(remote_side=[id])


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(sa.ForeignKey("agencies.id"), index=True)
    username: Mapped[str] = mapped_column(sa.String(64), unique=True)
    full_name: Mapped[str] = mapped_column(sa.String(200))
    position: Mapped[str] = mapped_column(sa.String(200), default="")  # chức vụ: Chủ tịch …
    unit: Mapped[str] = mapped_column(sa.String(200), default="")  # phòng, ban
    role: Mapped[Role] = mapped_column(enum_column(Role))
    active: Mapped[bool] = mapped_column(default=True)

    agency: Mapped[Agency] = relationship()
