"""Who is connected to a fresh sandbox: the demo agencies, and the secrets file the demo reads.

The demo list repeats ``app.services.demo.AGENCIES`` (codes, names, parents) because the sandbox
must not import the desktop's services layer; ``tests/sandbox/test_seed.py`` proves the two
match. Secrets are never chosen here, only written out: ``accounts`` makes them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.storage.atomic import atomic_writer

SECRETS_FILE = "secrets.json"


@dataclass(frozen=True)
class SeedAgency:
    code: str
    name: str
    parent: str | None = None


_PROVINCE = "000.00.00.H18"

DEMO_AGENCIES: tuple[SeedAgency, ...] = (
    SeedAgency(_PROVINCE, "Ủy ban nhân dân tỉnh Điện Biên"),
    SeedAgency("000.00.01.H18", "Văn phòng Ủy ban nhân dân tỉnh Điện Biên", _PROVINCE),
    SeedAgency("000.00.05.H18", "Sở Nội vụ tỉnh Điện Biên", _PROVINCE),
    SeedAgency("000.00.07.H18", "Sở Tài chính tỉnh Điện Biên", _PROVINCE),
    SeedAgency("000.00.10.H18", "Ủy ban nhân dân phường Điện Biên Phủ", _PROVINCE),
    SeedAgency("000.00.12.H18", "Ủy ban nhân dân xã Mường Chà", _PROVINCE),
    SeedAgency("000.00.15.H18", "Ủy ban nhân dân xã Tuần Giáo", _PROVINCE),
    SeedAgency("000.00.16.H18", "Ủy ban nhân dân xã Điện Biên Đông", _PROVINCE),
)

SEEDS: dict[str, tuple[SeedAgency, ...]] = {"demo": DEMO_AGENCIES}


def resolve_seed(seed: str | Sequence[SeedAgency] | None) -> tuple[SeedAgency, ...]:
    """A seed name (``demo``) or an explicit list, as agencies; ``None`` is no agencies."""
    if seed is None:
        return ()
    if isinstance(seed, str):
        try:
            return SEEDS[seed]
        except KeyError:
            raise ValueError(f"unknown seed {seed!r} (known: {', '.join(SEEDS)})") from None
    return tuple(seed)


def write_secrets_file(data_dir: Path, base_url: str, secrets: Mapping[str, str]) -> Path:
    """``DIR/secrets.json`` (mode 0600): ``{"baseUrl": ..., "systems": {code: secret}}``."""
    path = data_dir / SECRETS_FILE
    payload = {"baseUrl": base_url, "systems": dict(sorted(secrets.items()))}
    with atomic_writer(path, mode=0o600) as handle:
        handle.write(json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    return path


def read_secrets_file(data_dir: Path) -> dict[str, str]:
    data = json.loads((data_dir / SECRETS_FILE).read_text(encoding="utf-8"))
    systems = data.get("systems", {})
    return {str(k): str(v) for k, v in systems.items()}
