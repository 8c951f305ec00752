"""The service layer: the world's state, the unit of work and the message bus."""
