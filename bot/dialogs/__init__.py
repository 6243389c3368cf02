"""Multi-step flows, one module per flow, each with a Mermaid diagram in its docstring."""
