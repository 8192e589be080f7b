"""Times as Vietnamese users read them: ``dd/mm/yyyy HH:MM:SS +07:00``, whatever the PC's zone.

Must not: parse or guess time zones (naive values are taken as UTC).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "+07:00")


def vn_time(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VN_TZ)


def vn_time_text(moment: datetime | None) -> str:
    """``26/11/2026 09:15:02 +07:00`` (empty for None)."""
    if moment is None:
        return ""
    return vn_time(moment).strftime("%d/%m/%Y %H:%M:%S +07:00")
