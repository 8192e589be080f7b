"""A small workspace with one agency and documents in each queue, for the GUI tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.types import Direction, DocumentState
from app.models import Agency, Document
from app.services.workspace import Workspace, open_workspace

AGENCY_NAME = "Ủy ban nhân dân tỉnh Điện Biên"


def seed(ws: Workspace) -> None:
    """An incoming document, one to sign, one to issue, and a second incoming one."""
    now = datetime.now(UTC)
    with ws.db.write() as session:
        agency = Agency(code="000.00.00.H18", name=AGENCY_NAME, short_name="UBND", is_local=True)
        session.add(agency)
        session.flush()
        common = {"agency_id": agency.id, "issue_date": date(2024, 5, 3)}
        session.add_all(
            [
                Document(
                    direction=Direction.INCOMING,
                    state=DocumentState.ARRIVED,
                    kind="CV",
                    number=12,
                    symbol="SNV-VP",
                    subject="Về việc triển khai văn bản điện tử",
                    sender_name="Sở Nội vụ tỉnh Điện Biên",
                    urgency=1,
                    due_at=now - timedelta(days=2),
                    **common,
                ),
                Document(
                    direction=Direction.INCOMING,
                    state=DocumentState.REGISTERED,
                    kind="TB",
                    number=7,
                    symbol="TB-STC",
                    subject="Thông báo lịch họp giao ban quý II",
                    sender_name="Sở Tài chính tỉnh Điện Biên",
                    **common,
                ),
                Document(
                    direction=Direction.OUTGOING,
                    state=DocumentState.SUBMITTED,
                    kind="QĐ",
                    symbol="QĐ-UBND",
                    subject="Quyết định ban hành quy chế công tác văn thư",
                    **common,
                ),
                Document(
                    direction=Direction.OUTGOING,
                    state=DocumentState.SIGNED,
                    kind="CV",
                    symbol="UBND-VP",
                    subject="Công văn đôn đốc báo cáo tháng 5",
                    **common,
                ),
            ]
        )


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "data")
    seed(ws)
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture(autouse=True)
def _no_token_session_outlives_its_test() -> Iterator[None]:
    """Windows that qtbot destroys get no Close event, so the signing windows' shared token
    session (app.ui.signing.entry) would stay open, holding the SoftHSM driver: a later test's
    demo-token provisioning is then refused ("close the TokenManager of SoftHSM first")."""
    yield
    entry = sys.modules.get("app.ui.signing.entry")
    if entry is None:
        return
    for holder in list(entry.SessionHolder.live):
        try:
            holder.close()
        except RuntimeError:  # its Qt side is already deleted: close the session directly
            holder.session.close()
    entry.SessionHolder.live.clear()
