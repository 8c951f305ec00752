"""Signed snapshots of the read model, so that start-up replays only the journal's tail."""
