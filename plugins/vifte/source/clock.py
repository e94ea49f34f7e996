"""What "today" is for the checks and the pages: reproducible, and settable for tests.

`VIFTE_TODAY=2026-10-05` wins; else a SOURCE_DATE_EPOCH the user set (reproducible builds);
else the machine's date. The same input on the same "today" gives the same site.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

TODAY = "VIFTE_TODAY"


class ClockError(ValueError):
    """VIFTE_TODAY or SOURCE_DATE_EPOCH cannot be read as a date; the message is Danish."""


def today(environ: Mapping[str, str] = os.environ) -> dt.date:
    """The date the checks and pages treat as today."""
    if TODAY in environ:
        try:
            return dt.date.fromisoformat(environ[TODAY].strip())
        except ValueError:
            raise ClockError(
                f"{TODAY}={environ[TODAY]!r} er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2026-10-05"
            ) from None
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            raise ClockError(
                f"SOURCE_DATE_EPOCH={epoch!r} er ikke et antal sekunder siden 1970"
            ) from None
    return dt.date.today()
