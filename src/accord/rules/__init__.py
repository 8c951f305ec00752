"""The rules engine: reads a charter's data and answers what applies on a date, and why."""
