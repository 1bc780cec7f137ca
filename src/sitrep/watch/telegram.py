"""Telegram channels through Telethon, with the user's own API credentials.

Officials post casualty figures on Telegram before anyone else, so a watcher needs it; the
Bot API cannot read channels it is not an admin of, so this uses a user session (MTProto via
Telethon). Telethon is an optional extra (`pip install 'sitrep[telegram]'`) and is imported only
when a Telegram source is polled. Not tested against the live service.

Environment:
    TELEGRAM_API_ID, TELEGRAM_API_HASH   from https://my.telegram.org (API development tools)
    TELEGRAM_SESSION                     session file path (default ~/.config/sitrep/telegram.session)

Log in once, interactively (phone number and code): `python -m sitrep.watch.telegram`.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from sitrep.errors import IngestError, SitrepError
from sitrep.ingest.base import Options, make_report
from sitrep.models import Report
from sitrep.watch.sources import SourceSpec

#: A channel seen for the first time contributes its latest posts, not its whole history.
FIRST_POLL_LIMIT = 50
#: One poll reads at most this many new posts; the rest come at the next poll (the cursor moves).
POLL_LIMIT = 500


def credentials() -> tuple[int, str, str]:
    """API id, API hash and session path from the environment, or a one-line SitrepError."""
    api_id = os.environ.get("TELEGRAM_API_ID", "").strip()
    api_hash = os.environ.get("TELEGRAM_API_HASH", "").strip()
    if not api_id or not api_hash:
        raise SitrepError(
            "Telegram sources need TELEGRAM_API_ID and TELEGRAM_API_HASH (from my.telegram.org) "
            "in the environment"
        )
    if not api_id.isdigit():
        raise SitrepError("TELEGRAM_API_ID must be a number")
    default = Path.home() / ".config" / "sitrep" / "telegram.session"
    session = os.environ.get("TELEGRAM_SESSION", "").strip() or str(default)
    Path(session).expanduser().parent.mkdir(parents=True, exist_ok=True)
    return int(api_id), api_hash, str(Path(session).expanduser())


def _telethon() -> Any:
    try:
        import telethon
    except ImportError:
        raise SitrepError("Telegram sources need Telethon: pip install 'sitrep[telegram]'") from None
    return telethon


def read_channel(spec: SourceSpec, cursor: str | None, opts: Options) -> tuple[list[Report], str | None]:
    """New posts of a channel since `cursor` (the last message id read), oldest first, and the new cursor."""
    telethon = _telethon()
    api_id, api_hash, session = credentials()
    return asyncio.run(_read(telethon, api_id, api_hash, session, spec, cursor, opts))


async def _read(
    telethon: Any,
    api_id: int,
    api_hash: str,
    session: str,
    spec: SourceSpec,
    cursor: str | None,
    opts: Options,
) -> tuple[list[Report], str | None]:
    client = telethon.TelegramClient(session, api_id, api_hash)
    await client.connect()
    try:
        if not await client.is_user_authorized():
            raise SitrepError(
                f"Telegram session {session} is not logged in: run `python -m sitrep.watch.telegram` once"
            )
        channel = int(spec.target) if spec.target.lstrip("-").isdigit() else spec.target
        try:
            entity = await client.get_entity(channel)
        except (ValueError, TypeError) as exc:
            raise IngestError(f"telegram:{spec.target}: no such channel ({exc})") from None
        title = getattr(entity, "title", None) or spec.target
        username = getattr(entity, "username", None)
        min_id = int(cursor) if cursor and cursor.isdigit() else 0
        kwargs: dict[str, Any] = (
            {"min_id": min_id, "limit": POLL_LIMIT, "reverse": True}
            if min_id
            else {"limit": FIRST_POLL_LIMIT}
        )
        messages = [m async for m in client.iter_messages(entity, **kwargs)]
    finally:
        await client.disconnect()
    messages.sort(key=lambda m: m.id)
    reports: list[Report] = []
    last = min_id
    for message in messages:
        last = max(last, message.id)
        text = message.message or ""
        report = make_report(
            text,
            opts,
            origin="telegram",
            source=spec.outlet or title,
            url=f"https://t.me/{username}/{message.id}" if username else None,
            published=message.date,
            meta={"message_id": message.id, "channel": spec.target, "watch_source": spec.name},
        )
        if report is not None:
            reports.append(report)
    return reports, str(last) if last else cursor


def login() -> None:
    """Interactive first login: Telethon asks for the phone number and the code Telegram sends."""
    import importlib

    telethon = _telethon()
    importlib.import_module("telethon.sync")  # makes the client usable without `await`
    api_id, api_hash, session = credentials()
    with telethon.TelegramClient(session, api_id, api_hash) as client:  # .start() prompts on the terminal
        me = client.get_me()
        print(f"logged in as {getattr(me, 'username', None) or getattr(me, 'id', '?')}; session {session}")


if __name__ == "__main__":
    try:
        login()
    except SitrepError as exc:
        raise SystemExit(f"error: {exc}") from None
