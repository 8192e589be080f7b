"""Alembic environment: always run on a connection handed in by ``app.models.schema``."""

from __future__ import annotations

from alembic import context

from app.models import Base
from app.models.documents import include_name

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs the alembic CLI
    raise RuntimeError("run migrations through `python -m app db upgrade`")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    # The search index (FTS5 tables, the trigram index) is hand-made in 0002: not a model.
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
