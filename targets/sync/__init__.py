"""Importers that bring the public target data into the database, one module per source."""
