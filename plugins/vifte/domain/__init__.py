"""The model and the facts every output shares: collections, routes, editions, Danish text rules."""
