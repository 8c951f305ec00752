"""What every entry point shares: identity, permission, visibility, problems, sending."""
