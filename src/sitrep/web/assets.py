"""Where the browser libraries live: npm packages installed by `make install`, never a CDN.

The packages named in `web/package.json` (Leaflet, Leaflet.markercluster, topojson-client,
world-atlas's Natural Earth borders, Swagger UI) are installed into `<venv>/share/sitrep/node_modules`
by the Makefile; `SITREP_WEB_ASSETS` may point at another `node_modules` folder. Only the files
listed in `VENDOR` are served, so nothing else from those folders is exposed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: URL path under /vendor/ -> file inside node_modules.
VENDOR: dict[str, str] = {
    "leaflet/leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet/leaflet.css": "leaflet/dist/leaflet.css",
    "leaflet/images/layers.png": "leaflet/dist/images/layers.png",
    "leaflet/images/layers-2x.png": "leaflet/dist/images/layers-2x.png",
    "leaflet/images/marker-icon.png": "leaflet/dist/images/marker-icon.png",
    "leaflet/images/marker-icon-2x.png": "leaflet/dist/images/marker-icon-2x.png",
    "leaflet/images/marker-shadow.png": "leaflet/dist/images/marker-shadow.png",
    "markercluster/leaflet.markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "markercluster/MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "markercluster/MarkerCluster.Default.css": "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "topojson/topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "world-atlas/countries-50m.json": "world-atlas/countries-50m.json",
    "swagger-ui/swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui/swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}

#: The files the map page cannot work without.
MAP_REQUIRED = [k for k in VENDOR if not k.startswith("swagger-ui/")]

INSTALL_HINT = (
    "run `make install` (it installs the npm packages of web/package.json into "
    ".venv/share/sitrep/node_modules), or set SITREP_WEB_ASSETS to a node_modules folder holding them"
)


def candidates() -> list[Path]:
    """The node_modules folders looked at, in order."""
    out = []
    if env := os.environ.get("SITREP_WEB_ASSETS"):
        out.append(Path(env).expanduser())
    out.append(Path(sys.prefix) / "share" / "sitrep" / "node_modules")
    # A source checkout with `npm ci --prefix web` (editable installs).
    out.append(Path(__file__).resolve().parents[3] / "web" / "node_modules")
    return out


def find_vendor_dir() -> Path | None:
    """The first candidate folder that holds every file the map needs, or None."""
    for folder in candidates():
        if all((folder / VENDOR[name]).is_file() for name in MAP_REQUIRED):
            return folder
    return None


def missing_message() -> str:
    looked = ", ".join(str(p) for p in candidates())
    return f"web assets (Leaflet, map borders) are not installed: {INSTALL_HINT}. Looked in: {looked}"
