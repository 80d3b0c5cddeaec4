"""Indexes for reading: a party's events, newest-first pages of events and articles.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_parties_party_event", "event_parties", ["party_id", "event_id"])
    op.create_index("ix_events_date_id", "events", ["date_value", "id"])
    op.create_index("ix_articles_published_id", "articles", ["published_value", "id"])


def downgrade() -> None:
    op.drop_index("ix_articles_published_id", table_name="articles")
    op.drop_index("ix_events_date_id", table_name="events")
    op.drop_index("ix_event_parties_party_event", table_name="event_parties")
