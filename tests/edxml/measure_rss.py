"""Measure peak memory (RSS) of writing and of reading a ~200 MB edXML package.

Not a test (pytest does not collect it): run ``python -m tests.edxml.measure_rss [MB]``. Each phase
runs in its own child process so that one phase's peak does not hide the other's. POSIX only
(``resource``); the number is what the codec costs, the interpreter and lxml included.
"""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from app.sync.edxml import (
    Attachment,
    DocumentHeader,
    DocumentPackage,
    Organization,
    PromulgationInfo,
    parse_package,
    write_document_package,
)


def _peak_mib() -> float:
    # ru_maxrss is KiB on Linux (bytes on macOS, where this script is not used).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _write(folder: Path, mb: int) -> None:
    source = folder / "big.pdf"
    with source.open("wb") as out:
        out.write(b"%PDF-1.7\n")
        for _ in range(mb * 3 // 4):  # base64 adds a third: a ~MB-sized package
            out.write(os.urandom(1 << 20))
    pkg = DocumentPackage(
        header=DocumentHeader(
            sender=Organization("000.00.01.H01", organ_name="UBND tỉnh Thử nghiệm"),
            recipients=(Organization("000.00.02.H01"),),
            subject="Gói tin lớn để đo bộ nhớ",
            promulgation_info=PromulgationInfo("Hà Nội", date(2024, 5, 10)),
        ),
        attachments=(Attachment(content_id="big", name="Tài liệu lớn.pdf", data=source),),
    )
    start = time.perf_counter()
    with (folder / "package.edxml").open("wb") as out:
        write_document_package(pkg, out)
    size = (folder / "package.edxml").stat().st_size / (1 << 20)
    took = time.perf_counter() - start
    print(f"write: package {size:.0f} MiB in {took:.1f} s, peak RSS {_peak_mib():.0f} MiB")


def _parse(folder: Path) -> None:
    spool = folder / "spool"
    spool.mkdir(exist_ok=True)
    start = time.perf_counter()
    pkg = parse_package(folder / "package.edxml", spool_dir=spool)
    took = time.perf_counter() - start
    peak = _peak_mib()
    assert isinstance(pkg, DocumentPackage)
    att = pkg.attachments[0]
    assert isinstance(att.data, Path)
    same = _sha256(att.data) == _sha256(folder / "big.pdf")
    size = att.size() / (1 << 20)
    print(f"parse: attachment {size:.0f} MiB in {took:.1f} s, peak RSS {peak:.0f} MiB")
    print(f"       the file came back as {att.data.name} in the spool folder; identical: {same}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _baseline() -> None:
    print(f"baseline: interpreter + codec imported, peak RSS {_peak_mib():.0f} MiB")


def main() -> None:
    if len(sys.argv) > 2:
        phase, folder = sys.argv[1], Path(sys.argv[2])
        if phase == "write":
            _write(folder, int(sys.argv[3]))
        elif phase == "parse":
            _parse(folder)
        else:
            _baseline()
        return
    mb = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        for args in (["baseline", tmp], ["write", tmp, str(mb)], ["parse", tmp]):
            cmd = [sys.executable, "-m", "tests.edxml.measure_rss", *args]
            subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
