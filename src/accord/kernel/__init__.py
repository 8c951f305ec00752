"""Shared vocabulary of every context: identifiers, time and errors (standard library only)."""
