"""Partners and instruments: signatures, ratifications and entry into force."""
