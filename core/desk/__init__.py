"""The coordinator desk (`/desk`): sessions, who may open which complex, the audit of what
people do there, and the figures its pages show that no chat screen needs (households and
turnout by 동, every complex at a glance). Everything else the desk does goes through the
features' own use cases, the same ones the chat calls."""
