"""The journal as people read it: its pages, entries, proofs and checks (API and CLI)."""
