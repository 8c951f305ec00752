"""Membership: applications, admission, suspension, withdrawal, frozen participation, statuses."""
