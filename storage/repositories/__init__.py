"""Repositories: queries and conditional updates. They never commit."""
