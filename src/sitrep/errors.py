"""User-facing errors: each carries one line that the CLI prints instead of a traceback."""


class SitrepError(Exception):
    """A problem the user can fix (bad input, unreachable feed, unknown id): printed as one line."""


class IngestError(SitrepError):
    """A source could not be read: empty, binary, too large, malformed, unreachable."""


class StoreError(SitrepError):
    """The database could not be opened or migrated."""
