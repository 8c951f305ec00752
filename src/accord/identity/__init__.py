"""Identity: users, their roles and states, passwords and API tokens."""
