"""Entry points per feature: each module has a Router of typed actions and its handlers."""
