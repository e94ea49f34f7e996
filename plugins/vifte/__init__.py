"""vifte: a municipality's catalogue of offers, from YAML to website, brochures and open data."""

__version__ = "0.2.0"
