"""The MkDocs adapter: a thin plugin that hands MkDocs the pages the core renders."""
