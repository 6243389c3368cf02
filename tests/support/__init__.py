"""Test helpers shared by the suites: databases, a configured app, a conversational client."""
