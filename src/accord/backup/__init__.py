"""Online, consistent backups of the system of record, and their restoration."""
