"""`sitrep serve`: the REST API, the map and timeline UI, event pages and the brief, in one process.

Modules: `app` (factory and settings), `api` (routes under /api), `pages` (HTML via Jinja2 with
autoescape), `queries` (index-friendly SQL for the API), `security` (headers, body cap, token),
`assets` (the npm-installed browser libraries, served from the install, never a CDN).
"""

from sitrep.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
