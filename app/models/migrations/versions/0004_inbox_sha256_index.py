"""index the inbox by package hash (the duplicate check of every received package)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

Every package received (from the platform or from a file) first asks whether the same bytes were
already recorded: ``server_doc_id = 'file:<sha256>' OR sha256 = <sha256>`` on ``inbox_items``,
inside the write transaction. ``server_doc_id`` is unique, hence indexed; ``sha256`` was not, so
the check read the whole inbox, once in ``prepare`` and once more while holding the write lock:
a cost growing with every package ever received. With both sides indexed SQLite answers the OR
from the two indexes.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inbox_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inbox_items_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inbox_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_items_sha256"))
