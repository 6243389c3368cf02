"""Channel adapters: each turns its native payloads into `Inbound`s for the engine and renders
the engine's `Screen`s back within its own limits."""
