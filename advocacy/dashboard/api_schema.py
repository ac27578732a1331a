"""This app's part of the OpenAPI document served at /api/v1/openapi.json (see advocacy/api/openapi.py)."""

PATHS: dict = {}
SCHEMAS: dict = {}
