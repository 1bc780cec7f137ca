"""The application factory of `sitrep serve`: API, pages, static files and hardening in one app."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from sitrep import __version__
from sitrep.store import Store
from sitrep.web import assets
from sitrep.web.security import MAX_BODY_BYTES, BodyLimit, SecurityHeaders, content_security_policy

if TYPE_CHECKING:
    from sitrep.pipeline import Pipeline

STATIC_DIR = Path(__file__).resolve().with_name("static")


@dataclass
class Settings:
    """What `sitrep serve` was started with."""

    db: str | None = None
    token: str | None = None  # writes are off without one
    tile_url: str | None = None  # e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; None: borders only
    tile_attribution: str = ""
    refresh_s: int = 30  # how often the map polls for new events; 0 = never
    map_limit: int = 20_000  # most events drawn on the map at once
    max_body: int = MAX_BODY_BYTES

    @classmethod
    def from_env(cls, **given: object) -> Settings:
        """Options given win over SITREP_TOKEN, SITREP_TILES and SITREP_TILES_ATTRIBUTION."""
        settings = cls(**{k: v for k, v in given.items() if v is not None})  # type: ignore[arg-type]
        settings.token = settings.token or os.environ.get("SITREP_TOKEN") or None
        settings.tile_url = settings.tile_url or os.environ.get("SITREP_TILES") or None
        settings.tile_attribution = settings.tile_attribution or os.environ.get(
            "SITREP_TILES_ATTRIBUTION", ""
        )
        return settings


@dataclass
class Runtime:
    """Objects shared by requests: the store, the (lazily loaded) pipeline and its write lock."""

    store: Store
    vendor_dir: Path | None
    _pipeline: Pipeline | None = None
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    def pipeline(self) -> Pipeline:
        """Loaded on the first write only: the NLP model takes seconds and reads never need it."""
        if self._pipeline is None:
            from sitrep.pipeline import Pipeline

            self._pipeline = Pipeline(store=self.store)
        return self._pipeline


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """Build the app; opens (and migrates) the database now so a bad --db fails at start."""
    from sitrep.web import api, pages

    settings = settings or Settings.from_env()
    app = FastAPI(
        title="sitrep",
        version=__version__,
        description="Sourced, geolocated conflict events: every figure with its quote and claimant.",
        docs_url=None,  # FastAPI's own docs page loads Swagger UI from a CDN; /api/docs serves it locally
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.runtime = Runtime(store=store or Store.open(settings.db), vendor_dir=assets.find_vendor_dir())
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/vendor/{name:path}", include_in_schema=False)
    def vendor(name: str) -> Response:
        folder = app.state.runtime.vendor_dir
        if name not in assets.VENDOR or folder is None or not (folder / assets.VENDOR[name]).is_file():
            return JSONResponse({"detail": assets.missing_message()}, status_code=404)
        return FileResponse(folder / assets.VENDOR[name], headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/docs", include_in_schema=False)
    def docs_redirect() -> RedirectResponse:
        return RedirectResponse("/api/docs")

    # Outermost first: the body cap runs before anything reads the body; headers go on everything.
    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(settings.tile_url))
    return app
