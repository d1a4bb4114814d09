"""The central server a chain's stores sync with (FastAPI on PostgreSQL); nothing on a till imports it."""
