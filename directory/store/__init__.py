"""The directory's own records, beside Elasticsearch: staff, audit log, curated vocabulary.

A relational store (SQLAlchemy 2 + Alembic) that both the web app and the loader use,
so it holds no Flask: ``db`` builds engines and sessions from a URL, ``models`` declares
the tables, ``migrate`` applies the Alembic migrations in ``migrations/``, and the
feature modules (``accounts``, ``audit``, ``curation``, ``locks``) are plain functions
that take a session. SQLite under ``instance/`` by default; PostgreSQL via DATABASE_URL.
"""
