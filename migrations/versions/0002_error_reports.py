"""error reports: the public's reports of wrong profile facts, and the staff inbox's state

Revision ID: 0002
Revises: 0002o (profile overrides; both were written as 0002 in parallel)
Create Date: 2026-12-02 21:36:48.252592
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0002o"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "error_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("npi", sa.String(length=10), nullable=False),
        sa.Column("physician_name", sa.String(length=200), nullable=False),
        sa.Column("problem", sa.String(length=32), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=True),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("assigned_to_id", sa.Integer(), nullable=True),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=254), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "(state = 'open') = (closed_at IS NULL)", name=op.f("ck_error_reports_closed")
        ),
        sa.CheckConstraint(
            "problem IN ('phone', 'address', 'accepting_new_patients', 'specialty', "
            "'insurance', 'no_longer_here', 'other')",
            name=op.f("ck_error_reports_problem"),
        ),
        sa.CheckConstraint(
            "state = 'open' OR contact IS NULL",
            name=op.f("ck_error_reports_contact_only_while_open"),
        ),
        sa.CheckConstraint(
            "state IN ('open', 'resolved', 'rejected')", name=op.f("ck_error_reports_state")
        ),
        sa.ForeignKeyConstraint(
            ["assigned_to_id"],
            ["staff_accounts.id"],
            name=op.f("fk_error_reports_assigned_to_id_staff_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_error_reports")),
        sa.UniqueConstraint("reference", name=op.f("uq_error_reports_reference")),
    )
    with op.batch_alter_table("error_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_error_reports_npi"), ["npi"], unique=False)
        batch_op.create_index(
            "ix_error_reports_state_reported_at", ["state", "reported_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("error_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_error_reports_state_reported_at")
        batch_op.drop_index(batch_op.f("ix_error_reports_npi"))

    op.drop_table("error_reports")
