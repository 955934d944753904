"""Alembic environment, run in-process: the caller hands over an open connection.

``redaction.storage.engine.upgrade`` puts the connection in ``config.attributes["connection"]``
(the pattern of airflow's and mealie's env.py), so migrations run inside the app and in tests
without an alembic.ini.
"""

from alembic import context

from redaction.storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached by a stray `alembic` command line
    raise RuntimeError("redaction runs its migrations in-process; use `redaction` to open the database")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
