"""Simulation: replay scenarios through the real rules, handlers and voting code."""
