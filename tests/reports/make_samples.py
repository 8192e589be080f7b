"""Regenerate the sample reports in docs/samples/ and their previews in docs/img/.

Not a test: run ``python -m tests.reports.make_samples`` (needs poppler's ``pdftoppm``). The data
is the test office of ``tests.reports.sample``, printed at its fixed ``NOW``; the sample register
is cut to a few pages with a date range so the files stay small.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from app.domain.types import Direction
from app.services.reports import print_register, print_slip, print_stats
from app.services.workspace import open_workspace
from tests.reports import sample

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "docs" / "samples"
IMAGES = REPO / "docs" / "img"
MAX_PNG = 200 * 1024


def _preview(pdf: Path, page: int, name: str, dpi: int = 70) -> Path:
    out = IMAGES / name
    stem = out.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-singlefile",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    if out.stat().st_size > MAX_PNG:
        sys.exit(f"{out} is larger than {MAX_PNG} bytes")
    return out


def main() -> None:
    SAMPLES.mkdir(parents=True, exist_ok=True)
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Path(tmp), overrides={"agency_code": sample.LOCAL_CODE})
        try:
            with ws.db.write() as session:
                ids = sample.populate(session)
            outgoing = print_register(
                ws,
                SAMPLES / "so-dang-ky-van-ban-di.pdf",
                direction=Direction.OUTGOING,
                date_from=date(2025, 1, 1),
                date_to=date(2025, 6, 6),
            )
            incoming = print_register(
                ws,
                SAMPLES / "so-dang-ky-van-ban-den.pdf",
                direction=Direction.INCOMING,
                date_from=date(2025, 1, 1),
                date_to=date(2025, 4, 30),
            )
            slip = print_slip(
                ws, ids["slip_doc"], SAMPLES / "phieu-giai-quyet-van-ban-den.pdf", now=sample.NOW
            )
            stats = print_stats(
                ws,
                SAMPLES / "bao-cao-thong-ke.pdf",
                date_from=date(2025, 1, 1),
                date_to=date(2025, 12, 31),
                csv_path=SAMPLES / "bao-cao-thong-ke.csv",
                now=sample.NOW,
            )
        finally:
            ws.close()
    made = [
        _preview(outgoing.path, 1, "report-register-cover.png"),
        _preview(outgoing.path, 3, "report-register-outgoing.png"),
        _preview(incoming.path, 2, "report-register-incoming.png"),
        _preview(outgoing.path, outgoing.pages, "report-register-closing.png"),
        _preview(slip.path, 1, "report-slip.png"),
        _preview(stats.pdf.path, 1, "report-stats-1.png"),
        _preview(stats.pdf.path, 2, "report-stats-2.png"),
    ]
    for path in [outgoing.path, incoming.path, slip.path, stats.pdf.path, *made]:
        print(f"{path.relative_to(REPO)}  {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
