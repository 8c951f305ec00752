"""Standing operations: Channel, Illegal, Proxy, Mercenary; their stages and results per member."""
