"""The journal: every accepted or refused command and its events, append-only, hash-chained."""
