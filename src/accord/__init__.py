"""Accord: the collective security system of a treaty organization, as software."""

__version__ = "0.1.0"
