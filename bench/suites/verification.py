"""Verification benchmarks: ``app.signing.verify.verify_pdf`` offline against bare pyhanko.

The input is the one-page Decree 30 draft signed B-LT by our engine (``app.signing.pades``)
with the demo PKI's leader key (software signer), a loopback TSA and OCSP responder
(``tests/support/pki_servers.py``), so the OCSP response and the chain sit in the document's DSS.
Ours is ``verify_pdf(bytes, trust=TrustStore.from_certs([root]), revocation=RevocationPolicy(
online=False))`` in this process (everything the app does: raw scan, limits, revisions, change
analysis, rules); the anchor is pyhanko alone: ``validate_pdf_signature`` with a
``ValidationContext`` built from the document's DSS, trusting the root, ``allow_fetching=False``.
The big file is the signing suite's big PDF (``bench/pdfs.py``) signed B-LT the same way and
verified from its path in a child process (``verify_pdf`` in-process, not the isolated worker) for
its peak RSS.
"""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import pdfs
from bench.registry import REPO_DIR, Config, Result, SuiteSkipped, suite
from bench.timing import Stats, compare

MB = 1_000_000
RSS_LIMIT_MB = 150.0

TARGETS = """\
Targets (issue: verification performance): a one-page document signed B-LT (timestamp, chain and
OCSP response embedded) verified offline by `verify_pdf` ≤ 1.3× bare pyhanko
(`validate_pdf_signature`, ValidationContext from the document's DSS trusting the root, no
fetching), interleaved in one process; a 500 MB signed PDF (`--quick`: 100 MB) verified by
`verify_pdf(path)` with the default limits in a child process at ≤ 150 MB peak RSS (its time is
reported, not judged; a second child shows the cost of refusing a file over the size limit)."""


def ms(seconds: float) -> float:
    return seconds * 1000.0


class Pki:
    """The demo PKI behind a loopback TSA/OCSP server (tests/support/pki_servers.py)."""

    def __init__(self) -> None:
        try:
            from tests.support.pki_servers import PkiServer
        except ImportError as exc:  # the tests are not shipped with the app
            raise SuiteSkipped(f"tests/support/pki_servers.py not importable: {exc}") from exc
        from app.demo.pki import generate_demo_pki

        self.server = PkiServer()
        self.pki = generate_demo_pki(url_base=self.server.url)
        self.server.attach(self.pki)

    def asn1(self, issued: Any) -> Any:
        from asn1crypto import x509 as asn1_x509

        return asn1_x509.Certificate.load(issued.cert_der)

    @property
    def root(self) -> Any:
        return self.asn1(self.pki.root)

    def signer(self) -> Any:
        from asn1crypto import keys as asn1_keys
        from cryptography.hazmat.primitives import serialization
        from pyhanko.sign.signers import SimpleSigner
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        leader = self.pki.leader
        key = asn1_keys.PrivateKeyInfo.load(
            leader.key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        chain = SimpleCertificateStore.from_certs(
            [self.asn1(self.pki.intermediate), self.asn1(self.pki.root)]
        )
        return SimpleSigner(signing_cert=self.asn1(leader), signing_key=key, cert_registry=chain)

    def sign_lt(self, source: Path, output: Path) -> Any:
        from pyhanko.sign.timestamps import HTTPTimeStamper
        from pyhanko_certvalidator import ValidationContext

        from app.signing.pades import Level, Placement, Role, SignRequest, sign_document

        request = SignRequest(
            source=source,
            output=output,
            role=Role.LEADER,
            level=Level.B_LT,
            placement=Placement(invisible=True),
            timestamper=HTTPTimeStamper(f"{self.server.url}/tsa", timeout=10),
            validation_context=ValidationContext(
                trust_roots=[self.root], allow_fetching=True, revocation_mode="hard-fail"
            ),
        )
        result = sign_document(request, self.signer())
        if result.pending:
            raise RuntimeError(f"B-LT signing left the document pending: {result.pending_reason}")
        return result

    def stop(self) -> None:
        self.server.stop()


def ours_verify(data: bytes, trust: Any, limits: Any = None) -> Any:
    from app.signing.verify import RevocationPolicy, verify_pdf

    return verify_pdf(data, trust=trust, revocation=RevocationPolicy(online=False), limits=limits)


def bare_verify(data: bytes, root: Any) -> Any:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    reader = PdfFileReader(io.BytesIO(data))
    sig = reader.embedded_regular_signatures[0]
    dss = DocumentSecurityStore.read_dss(reader)
    context = dss.as_validation_context({"trust_roots": [root], "allow_fetching": False})
    return validate_pdf_signature(sig, context)


# --- the child process (peak RSS of verifying the big file) -------------------------------------
def child_main() -> None:
    """``python -c 'from bench.suites.verification import child_main; child_main()'``."""
    from asn1crypto import x509 as asn1_x509

    from app.signing.verify import TrustStore
    from app.signing.verify.limits import ParseLimits
    from bench.child import peak_mib

    args = json.loads(sys.stdin.read())
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    root = asn1_x509.Certificate.load(bytes.fromhex(args["root_der"]))
    trust = TrustStore.from_certs([root])
    small = Path(args["warmup"]).read_bytes()
    ours_verify(small, trust)  # imports, caches
    limits = ParseLimits(max_file_mb=args["max_file_mb"]) if args.get("max_file_mb") else None
    baseline = peak_mib()
    start = time.perf_counter()
    verdict = ours_verify_path(Path(args["path"]), trust, limits)
    elapsed = time.perf_counter() - start
    out = {
        "time": elapsed,
        "baseline_mib": baseline,
        "vmhwm_mib": peak_mib(),
        "overall": str(verdict.overall),
        "reasons": [getattr(r, "code", str(r)) for r in verdict.reasons][:3],
    }
    sys.stdout.write("\n" + json.dumps(out) + "\n")


def ours_verify_path(path: Path, trust: Any, limits: Any) -> Any:
    from app.signing.verify import RevocationPolicy, verify_pdf

    return verify_pdf(path, trust=trust, revocation=RevocationPolicy(online=False), limits=limits)


def run_child(args: dict[str, Any]) -> dict[str, Any]:
    code = "from bench.suites.verification import child_main; child_main()"
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(args),
        cwd=REPO_DIR,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0:
        raise RuntimeError(f"verification child failed: {done.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def bench_big(cfg: Config, pki: Pki, work: Path, small: Path) -> list[Result]:
    size_mib = int(cfg.options.get("big_mib", 100 if cfg.quick else 500))
    big = pdfs.big_pdf(cfg.cache_dir, size_mib, log=cfg.log)
    signed = work / "big-signed.pdf"
    cfg.log(f"signing the {big.stat().st_size / MB:.0f} MB PDF B-LT (our engine)")
    pki.sign_lt(big, signed)
    size_mb = signed.stat().st_size / MB
    common = {"path": str(signed), "root_der": pki.pki.root.cert_der.hex(), "warmup": str(small)}
    results: list[Result] = []
    cfg.log("child: verify_pdf with the default ParseLimits")
    default = run_child(common)
    cap = max(1, int(size_mb) // 2)
    cfg.log(f"child: verify_pdf with ParseLimits(max_file_mb={cap}) (refused)")
    refused = run_child({**common, "max_file_mb": cap})
    for label, run, note, judged in (
        ("default limits", default, "ParseLimits() as the app uses them", True),
        (
            f"refused, limit {cap} MB",
            refused,
            f"ParseLimits(max_file_mb={cap}): the size is checked before reading",
            False,
        ),
    ):
        peak = run["vmhwm_mib"] * (1 << 20) / MB
        base = run["baseline_mib"] * (1 << 20) / MB
        results.append(
            Result(
                metric=f"{size_mb:.0f} MB signed PDF, peak RSS ({label})",
                ours=peak,
                anchor=None,
                ratio=None,
                target=f"≤ {RSS_LIMIT_MB:g} MB" if judged else "—",
                ok=peak <= RSS_LIMIT_MB if judged else None,
                unit="MB",
                notes=(
                    f"{note}; verdict {run['overall']} {run['reasons']}; "
                    f"{run['time']:.2f} s; peak before verifying {base:.0f} MB (interpreter, "
                    "imports, a warm-up verification of the one-page file)"
                ),
            )
        )
        results.append(
            Result(
                metric=f"  {size_mb:.0f} MB signed PDF, time ({label})",
                ours=run["time"],
                anchor=None,
                ratio=None,
                target="—",
                ok=None,
                unit="s",
                notes=f"one run in a fresh child process; {note}",
            )
        )
    return results


@suite("verification", title="Verification (offline, B-LT)", targets=TARGETS)
def verification(cfg: Config) -> list[Result]:
    from app.signing.verify import TrustStore

    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    pki = Pki()
    results: list[Result] = []
    try:
        with tempfile.TemporaryDirectory(prefix="bench-verify-") as tmp:
            work = Path(tmp)
            draft = work / "draft.pdf"
            draft.write_bytes(pdfs.draft_pdf())
            small = work / "signed-lt.pdf"
            pki.sign_lt(draft, small)
            data = small.read_bytes()
            root = pki.root
            trust = TrustStore.from_certs([root])
            pki.server.offline = True  # nothing may be fetched from here on
            verdict = ours_verify(data, trust)
            status = bare_verify(data, root)
            cfg.log(f"one page B-LT: {cfg.repeat} interleaved runs each (+{cfg.warmup} warm-up)")
            ours, anchor = compare(
                lambda: ours_verify(data, trust),
                lambda: bare_verify(data, root),
                repeat=cfg.repeat,
                warmup=cfg.warmup,
            )
            results.append(
                ratio_result(
                    "One-page B-LT, offline verification",
                    ours,
                    anchor,
                    limit=1.3,
                    notes=(
                        f"{len(data):,} bytes; ours: {verdict.overall} "
                        f"({verdict.decided_by or 'no rule id'}); pyhanko: intact={status.intact} "
                        f"valid={status.valid} trusted={status.trusted}"
                    ),
                )
            )
            pki.server.offline = False
            results += bench_big(cfg, pki, work, small)
    finally:
        pki.stop()
    return results


def ratio_result(metric: str, ours: Stats, anchor: Stats, *, limit: float, notes: str) -> Result:
    import statistics

    of_medians = ours.median / anchor.median
    ratio = of_medians
    spread = f"ours {ours.describe()}; anchor {anchor.describe()}"
    if len(ours.kept) == len(anchor.kept) and len(ours.kept) > 2:
        ratio = statistics.median(o / a for o, a in zip(ours.kept, anchor.kept, strict=True))
        spread += f"; ratio = median of the paired ratios (ratio of the medians {of_medians:.2f}×)"
    return Result(
        metric=metric,
        ours=ms(ours.median),
        anchor=ms(anchor.median),
        ratio=ratio,
        target=f"≤ {limit:g}×",
        ok=ratio <= limit,
        unit="ms",
        notes=f"{notes}; {spread}",
        anchor_name="pyhanko validate_pdf_signature + DSS context",
    )
