"""The tables, one module per feature; `storage.tables` gathers them."""
