"""Adapters to the outside world: the database engine, its schema and migrations."""
