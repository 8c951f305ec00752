"""Accounts: users, their roles and API tokens, and signing in (API and CLI)."""
