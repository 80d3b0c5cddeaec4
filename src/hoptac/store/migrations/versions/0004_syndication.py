"""Near-duplicate articles: MinHash signatures and the links between copies of one story.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("scheme", sa.String(length=60), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.Column("stamp", sa.Integer(), nullable=False),
        sa.Column("indexed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("article_id"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    )
    op.create_index("ix_article_signatures_stamp", "article_signatures", ["stamp"])
    op.create_table(
        "article_copies",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("original_id", sa.Integer(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "original_id"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["original_id"], ["articles.id"], ondelete="CASCADE"),
    )
    op.create_index("ix_article_copies_original_id", "article_copies", ["original_id"])
    # Articles stored before this revision get their signatures now, so copies of them are found.
    from hoptac.store import syndication

    syndication.backfill(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_article_copies_original_id", table_name="article_copies")
    op.drop_table("article_copies")
    op.drop_index("ix_article_signatures_stamp", table_name="article_signatures")
    op.drop_table("article_signatures")
