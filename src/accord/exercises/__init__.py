"""Exercises: annual plans decided by the competent body, their changes and lessons learned."""
