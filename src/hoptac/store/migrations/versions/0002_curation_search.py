"""Editors, API tokens, corrections (the audit log), folded article text for search.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hoptac.textnorm import fold

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("parties") as batch:
        batch.add_column(sa.Column("merged_into", sa.String(length=100), nullable=True))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("key", sa.String(length=1100), nullable=True))
        batch.add_column(sa.Column("curated", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("hidden", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.create_index("ix_events_key", ["key"])
    with op.batch_alter_table("relations") as batch:
        batch.add_column(sa.Column("human", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("hidden", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "article_search",
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("folded", sa.Text(), nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(length=100), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("target", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=1100), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(length=100), nullable=True),
    )
    op.create_index("ix_corrections_key", "corrections", ["key"])
    op.create_table(
        "store_state",
        sa.Column("name", sa.String(length=50), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=False),
    )
    op.execute("INSERT INTO store_state (name, value) VALUES ('generation', 1)")
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # Full-text index over the folded text; triggers keep it in step with article_search.
        op.execute(
            "CREATE VIRTUAL TABLE article_fts USING fts5("
            "folded, content='article_search', content_rowid='article_id', tokenize='unicode61')"
        )
        op.execute(
            "CREATE TRIGGER article_search_ai AFTER INSERT ON article_search BEGIN "
            "INSERT INTO article_fts(rowid, folded) VALUES (new.article_id, new.folded); END"
        )
        op.execute(
            "CREATE TRIGGER article_search_ad AFTER DELETE ON article_search BEGIN "
            "INSERT INTO article_fts(article_fts, rowid, folded) VALUES ('delete', old.article_id, old.folded); END"
        )
        op.execute(
            "CREATE TRIGGER article_search_au AFTER UPDATE ON article_search BEGIN "
            "INSERT INTO article_fts(article_fts, rowid, folded) VALUES ('delete', old.article_id, old.folded); "
            "INSERT INTO article_fts(rowid, folded) VALUES (new.article_id, new.folded); END"
        )
    articles = bind.execute(sa.text("SELECT id, title, text FROM articles")).all()
    search = sa.table("article_search", sa.column("article_id"), sa.column("folded"))
    if articles:
        op.bulk_insert(search, [{"article_id": i, "folded": fold(f"{t or ''}\n{x}")} for i, t, x in articles])
    events = sa.table("events", sa.column("id"), sa.column("fingerprint"), sa.column("date_value"), sa.column("key"))
    for event_id, fp, date in bind.execute(sa.text("SELECT id, fingerprint, date_value FROM events")).all():
        key = f"{fp}@{date or ''}" if fp else f"event:{event_id}"
        bind.execute(events.update().where(events.c.id == event_id).values(key=key))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS article_fts")
    for table in ("store_state", "corrections", "api_tokens", "users", "article_search"):
        op.drop_table(table)
    with op.batch_alter_table("relations") as batch:
        batch.drop_column("hidden")
        batch.drop_column("human")
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_key")
        batch.drop_column("hidden")
        batch.drop_column("curated")
        batch.drop_column("key")
    with op.batch_alter_table("parties") as batch:
        batch.drop_column("merged_into")
