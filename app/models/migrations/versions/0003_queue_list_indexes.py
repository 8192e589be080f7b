"""indexes that serve the queue lists in their order

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

The lists show a queue's newest documents first (``ORDER BY updated_at DESC, id DESC LIMIT n``).
With only ``(direction, state)`` the database read every document of the direction and sorted
them: about 50 ms per switch with 60,000 incoming documents on SQLite. ``(direction,
updated_at)`` lets a whole-direction queue (Văn bản đến, Văn bản đi) walk the index backwards
and stop after ``n`` rows; ``(direction, state, updated_at)`` does the same for a one-state queue
and still serves the counts, so it replaces ``(direction, state)``.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_direction_state")
        batch_op.create_index(
            "ix_documents_direction_state_updated", ["direction", "state", "updated_at"]
        )
        batch_op.create_index("ix_documents_direction_updated", ["direction", "updated_at"])


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_direction_updated")
        batch_op.drop_index("ix_documents_direction_state_updated")
        batch_op.create_index("ix_documents_direction_state", ["direction", "state"])
