"""profile overrides (staff corrections) and fact verifications

Revision ID: 0002o
Revises: 0001
Create Date: 2026-12-02 21:37:53.400972
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002o"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fact_verifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("npi", sa.String(length=10), nullable=False),
        sa.Column("groups", sa.JSON(), nullable=False),
        sa.Column("verified_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.String(length=254), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_accounts.id"],
            name=op.f("fk_fact_verifications_created_by_id_staff_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fact_verifications")),
    )
    with op.batch_alter_table("fact_verifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fact_verifications_npi"), ["npi"], unique=False)

    op.create_table(
        "profile_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("npi", sa.String(length=10), nullable=False),
        sa.Column("fact", sa.String(length=40), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("source_value", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_by", sa.String(length=254), nullable=True),
        sa.Column("end_note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "(state = 'live') = (ended_at IS NULL)", name=op.f("ck_profile_overrides_ended")
        ),
        sa.CheckConstraint(
            "state IN ('live', 'undone', 'retired', 'replaced')",
            name=op.f("ck_profile_overrides_state"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_accounts.id"],
            name=op.f("fk_profile_overrides_created_by_id_staff_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile_overrides")),
    )
    with op.batch_alter_table("profile_overrides", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_profile_overrides_npi"), ["npi"], unique=False)
        batch_op.create_index(
            "uq_profile_overrides_live_fact",
            ["npi", "fact"],
            unique=True,
            sqlite_where=sa.text("state = 'live'"),
            postgresql_where=sa.text("state = 'live'"),
        )


def downgrade() -> None:
    with op.batch_alter_table("profile_overrides", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_profile_overrides_live_fact",
            sqlite_where=sa.text("state = 'live'"),
            postgresql_where=sa.text("state = 'live'"),
        )
        batch_op.drop_index(batch_op.f("ix_profile_overrides_npi"))

    op.drop_table("profile_overrides")
    with op.batch_alter_table("fact_verifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fact_verifications_npi"))

    op.drop_table("fact_verifications")
