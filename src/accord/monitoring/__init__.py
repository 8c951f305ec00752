"""Monitoring and early warning over open event data (GDELT, UCDP GED, ACLED)."""
