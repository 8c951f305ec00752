"""Decision bodies: sessions, agendas, draft decisions, positions and outcomes."""
