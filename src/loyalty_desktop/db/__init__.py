"""Storage: SQLAlchemy 2 tables, repositories and unit of work, Alembic migrations, backups.

ORM rows never leave this package; repositories hand out domain objects.
"""
