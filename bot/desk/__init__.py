"""The coordinator desk at /desk: server-rendered pages (aiohttp + Jinja2) for the management
office's PC and tablets. One module per page; templates in `templates/`; every rule in core
(`core/desk` and the features' own use cases, the same ones the chat calls).

`web.py` holds what every page shares: the session cookie, CSRF, the complex a URL names
(checked by `core.desk.access.desk_member`: 403 outside the scope) and rendering."""
