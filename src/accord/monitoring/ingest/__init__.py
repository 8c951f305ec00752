"""Readers of event files: streamed in batches, every bad row reported with its line number."""
