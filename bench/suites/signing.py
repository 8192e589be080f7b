"""Signing benchmarks: our PAdES engine against bare pyhanko, on one logged-in SoftHSM token.

Ours is ``app.signing.pades.sign_document`` / ``sign_batch`` through ``TokenSigner`` (staged
copy, in-place signing, re-validation, fsync + rename: everything the app does). The anchor is
what pyhanko alone does for the same job: ``signers.sign_pdf`` with pyhanko's own
``PKCS11Signer`` on the same token and key, input opened ``rb``, output ``w+b``, no fsync. Both
embed the same chain (intermediate + root) and make the same B-B signature
(``ETSI.CAdES.detached``, SHA-256, RSA-2048 on the token). Every pair is measured interleaved in
the same process, so the ratio holds whatever the machine's speed.
"""

from __future__ import annotations

import json
import math
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import hsm, pdfs, phases
from bench.load import GATE, Snapshot
from bench.registry import REPO_DIR, Config, Result, SuiteSkipped, suite
from bench.timing import Stats, compare

BATCH_SIZE = 100
# Parts of the suite, in order; `--set parts=big` (comma-separated) runs some only.
PARTS = ("invisible", "visible", "batch", "cli", "big")
MB = 1_000_000

TARGETS = """\
Targets (issue: signing performance), 2-core machine, same SoftHSM token logged in for both
sides: (1) invisible B-B on a one-page draft ≤ 1.2× bare `signers.sign_pdf` with pyhanko's
`PKCS11Signer`; (2) a Decree 30 visible leader signature (Vietnamese text + signature image)
≤ 3× our invisible one; (3) a batch of 100 one-page documents ≤ 1.15× the bare pyhanko loop
(same files) and ≥ 15× faster per file than running the pyhanko CLI once per file; (4) a
500 MB PDF signed at ≤ 150 MB peak RSS in ≤ 4× the time of one SHA-256 pass over the file."""


@dataclass
class Rig:
    cfg: Config
    token: hsm.BenchToken
    draft: Path
    signature_png: Path
    out: Path  # scratch directory for outputs

    def request(self, source: Path, output: Path, *, visible: bool = False) -> Any:
        from app.signing.pades import Level, Placement, Role, SignRequest

        return SignRequest(
            source=source,
            output=output,
            role=Role.LEADER,
            level=Level.B_B,
            # Visible: the draft's empty field chu_ky_lanh_dao, the blue signature image and
            # "Ký bởi / Chức vụ / Thời gian ký" in Vietnamese under it (Decree 30 Annex I).
            placement=Placement() if visible else Placement(invisible=True),
            image=self.signature_png if visible else None,
            chain=self.token.chain,
        )

    def ours(self, source: Path, output: Path, *, visible: bool = False) -> Any:
        from app.signing.pades import sign_document

        return sign_document(self.request(source, output, visible=visible), self.token.signer)

    def bare(self, source: Path, output: Path, signer: Any = None) -> None:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import signers
        from pyhanko.sign.fields import SigSeedSubFilter

        meta = signers.PdfSignatureMetadata(
            field_name="Sig1", md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES
        )
        with open(source, "rb") as infile, open(output, "w+b") as outfile:
            signers.sign_pdf(
                IncrementalPdfFileWriter(infile),
                meta,
                signer=signer or self.token.anchor_signer,
                output=outfile,
            )


def ms(seconds: float) -> float:
    return seconds * 1000.0


def ratio_result(
    metric: str,
    ours: Stats,
    anchor: Stats,
    *,
    limit: float | None,
    anchor_name: str,
    notes: str = "",
    unit: str = "ms",
) -> Result:
    scale = 1000.0 if unit == "ms" else 1.0
    of_medians = ours.median / anchor.median
    ratio = of_medians
    spread = f"ours {ours.describe(unit)}; anchor {anchor.describe(unit)}"
    if len(ours.kept) == len(anchor.kept) and len(ours.kept) > 2:
        # Each pair ran back to back: the median of their ratios shrugs off load that comes
        # and goes between pairs, which the ratio of the two medians does not.
        ratio = statistics.median(o / a for o, a in zip(ours.kept, anchor.kept, strict=True))
        spread += f"; ratio = median of the paired ratios (ratio of the medians {of_medians:.2f}×)"
    return Result(
        metric=metric,
        ours=ours.median * scale,
        anchor=anchor.median * scale,
        ratio=ratio,
        target=f"≤ {limit:g}×" if limit is not None else "—",
        ok=(ratio <= limit) if limit is not None else None,
        unit=unit,
        notes="; ".join(p for p in (notes, spread) if p),
        anchor_name=anchor_name,
    )


def skipped(metric: str, why: str, target: str) -> Result:
    return Result(metric, math.nan, None, None, target, None, "", f"skipped: {why}")


# --- (1) invisible ------------------------------------------------------------------------------
def bench_invisible(rig: Rig) -> list[Result]:
    cfg = rig.cfg
    src, ours_out, bare_out = rig.draft, rig.out / "ours.pdf", rig.out / "bare.pdf"
    cfg.log(f"invisible B-B: {cfg.repeat} interleaved runs each (+{cfg.warmup} warm-up)")
    ours, anchor = compare(
        lambda: rig.ours(src, ours_out),
        lambda: rig.bare(src, bare_out),
        repeat=cfg.repeat,
        warmup=cfg.warmup,
    )
    runs = max(5, cfg.repeat // 2)
    GATE.wait()
    with phases.engine_phases() as acc:
        for _ in range(runs):
            rig.ours(src, ours_out)
    breakdown = phases.describe(acc, runs)
    results = [
        ratio_result(
            "Invisible B-B, 1-page draft",
            ours,
            anchor,
            limit=1.2,
            anchor_name="bare sign_pdf + PKCS11Signer",
            notes=f"where ours goes (per run): {breakdown}",
        )
    ]
    cfg.log("what-if: the same without the engine's re-validation (bench-only patch)")
    with phases.without_recheck():
        no_check, anchor2 = compare(
            lambda: rig.ours(src, ours_out),
            lambda: rig.bare(src, bare_out),
            repeat=cfg.repeat,
            warmup=1,
        )
    results.append(
        ratio_result(
            "  what-if: ours without re-validation",
            no_check,
            anchor2,
            limit=None,
            anchor_name="bare sign_pdf + PKCS11Signer",
            notes="NOT the shipped code: engine._recheck patched to a no-op for this row only",
        )
    )
    cfg.log("bare sign_pdf with our TokenSigner vs with pyhanko's PKCS11Signer")
    token_bare, anchor3 = compare(
        lambda: rig.bare(src, bare_out, rig.token.signer),
        lambda: rig.bare(src, bare_out),
        repeat=cfg.repeat,
        warmup=1,
    )
    results.append(
        ratio_result(
            "  bare sign_pdf with TokenSigner",
            token_bare,
            anchor3,
            limit=None,
            anchor_name="bare sign_pdf + PKCS11Signer",
            notes="the signer alone: token-thread hop and per-signature key lookup by CKA_ID",
        )
    )
    return results


# --- (2) visible ---------------------------------------------------------------------------------
def bench_visible(rig: Rig) -> list[Result]:
    cfg = rig.cfg
    src, vis_out, inv_out = rig.draft, rig.out / "visible.pdf", rig.out / "invisible.pdf"
    start = time.perf_counter()
    result = rig.ours(src, vis_out, visible=True)
    first = time.perf_counter() - start
    if result.field_name != "chu_ky_lanh_dao" or result.box is None:
        raise RuntimeError(f"the visible signature went to {result.field_name} {result.box}")
    cfg.log(f"visible leader vs invisible: {cfg.repeat} interleaved runs each")
    visible, invisible = compare(
        lambda: rig.ours(src, vis_out, visible=True),
        lambda: rig.ours(src, inv_out),
        repeat=cfg.repeat,
        warmup=cfg.warmup,
    )
    runs = max(5, cfg.repeat // 2)
    GATE.wait()
    with phases.engine_phases() as acc:
        for _ in range(runs):
            rig.ours(src, vis_out, visible=True)
    return [
        ratio_result(
            "Visible leader signature (Decree 30)",
            visible,
            invisible,
            limit=3.0,
            anchor_name="ours, invisible",
            notes=(
                f"first one in the process {ms(first):.0f} ms (fonts read, image scaled); "
                f"where it goes: {phases.describe(acc, runs)}"
            ),
        )
    ]


# --- (3) batch and CLI ---------------------------------------------------------------------------
def bench_batch(rig: Rig) -> tuple[list[Result], float]:
    from app.signing.pades import Outcome, sign_batch

    cfg = rig.cfg
    sources = pdfs.copies(rig.draft, rig.out / "batch-in", BATCH_SIZE)
    ours_dir, bare_dir = rig.out / "batch-ours", rig.out / "batch-bare"
    bare_dir.mkdir(exist_ok=True)
    requests = [rig.request(s, ours_dir / s.name) for s in sources]

    def clear() -> None:
        # A fresh batch each time: outputs left from the last round would be SKIPPED (resume).
        shutil.rmtree(ours_dir, ignore_errors=True)
        ours_dir.mkdir()

    def ours() -> None:
        result = sign_batch(requests, rig.token.signer)
        if result.count(Outcome.SIGNED) != len(requests):
            raise RuntimeError(f"batch: {[i.error for i in result.items if i.error][:3]}")

    def bare() -> None:
        for source in sources:
            rig.bare(source, bare_dir / source.name)

    rounds = cfg.n(5, 1)
    cfg.log(f"batch of {BATCH_SIZE}: {rounds} interleaved round(s) each")
    ours_stats, bare_stats = compare(ours, bare, repeat=rounds, warmup=0, setup=clear, block=1)
    result = ratio_result(
        f"Batch of {BATCH_SIZE} one-page drafts",
        ours_stats,
        bare_stats,
        limit=1.15,
        anchor_name="bare sign_pdf loop + PKCS11Signer",
        notes=(
            "sign_batch (invisible B-B, resume check on) vs a plain loop of sign_pdf, same "
            f"files; per file: ours {ms(ours_stats.median) / BATCH_SIZE:.1f} ms, "
            f"bare {ms(bare_stats.median) / BATCH_SIZE:.1f} ms"
        ),
        unit="s",
    )
    return [result], ours_stats.median / BATCH_SIZE


MINI_BATCH = 10


def bench_cli(rig: Rig, batch_per_file: float) -> list[Result]:
    """The pyhanko CLI, one process per file, each run paired with a mini-batch of ours
    (``sign_batch`` over 10 files, timed just before it): per-file cost does not depend on the
    batch size, and pairing keeps both sides under the same load."""
    from app.signing.pades import Outcome, sign_batch
    from bench import pyhanko_cli

    cfg = rig.cfg
    metric = "Batch vs pyhanko CLI, per file"
    target = "≥ 15× faster"
    try:
        cli = pyhanko_cli.find_or_install(cfg.cache_dir, log=cfg.log)
    except SuiteSkipped as exc:
        return [skipped(metric, str(exc), target)]
    files = cfg.n(10, 5)
    cfg.log(f"pyhanko CLI: one process per file, {files} files, each after a mini-batch of ours")
    sources = pdfs.copies(rig.draft, rig.out / "cli-in", files)
    mini_out = rig.out / "cli-mini-out"
    mini = [
        rig.request(s, mini_out / s.name)
        for s in pdfs.copies(rig.draft, rig.out / "cli-mini-in", MINI_BATCH)
    ]
    ours_times: list[float] = []
    cli_times: list[float] = []
    others: list[float] = []
    for source in sources:
        GATE.wait(others[-1] if others else None)
        shutil.rmtree(mini_out, ignore_errors=True)
        mini_out.mkdir()
        snap = Snapshot.take()
        start = time.perf_counter()
        done = sign_batch(mini, rig.token.signer)
        ours_times.append((time.perf_counter() - start) / MINI_BATCH)
        if done.count(Outcome.SIGNED) != MINI_BATCH:
            raise RuntimeError("mini-batch: not every file was signed")
        start = time.perf_counter()
        pyhanko_cli.addsig_pkcs11(
            cli,
            source=source,
            output=rig.out / f"cli-{source.name}",
            module=rig.token.module,
            token_label=hsm.TOKEN_LABEL,
            cert_label=hsm.KEY_LABEL,
            chain_pem=rig.token.chain_pem,
            pin=hsm.USER_PIN,
            softhsm_conf=rig.token.conf_path,
        )
        cli_times.append(time.perf_counter() - start)
        others.append(snap.others_since() if snap is not None else 0.0)
    ours_stats = Stats(tuple(ours_times), tuple(others))
    cli_stats = Stats(tuple(cli_times), tuple(others))
    speedup = statistics.median(c / o for c, o in zip(cli_stats.kept, ours_stats.kept, strict=True))
    return [
        Result(
            metric=metric,
            ours=ms(ours_stats.median),
            anchor=ms(cli_stats.median),
            ratio=speedup,
            target=target,
            ok=speedup >= 15,
            unit="ms/file",
            notes=(
                "ratio = CLI / ours (how many times faster ours is), the median over "
                f"{files} pairs of (one CLI process, a sign_batch of {MINI_BATCH} files timed "
                f"just before it); ours {ours_stats.describe()}, CLI {cli_stats.describe()}; "
                f"the 100-file batch above ran at {ms(batch_per_file):.1f} ms per file "
                f"({cli_stats.median / batch_per_file:.1f}× against this CLI median). "
                f"Extrapolated to {BATCH_SIZE} files: CLI {cli_stats.median * BATCH_SIZE:.0f} s, "
                f"ours {ours_stats.median * BATCH_SIZE:.1f} s. Each CLI run is a new process: "
                "interpreter + imports, C_Initialize, C_Login (PIN from PYHANKO_PKCS11_PIN), "
                "object search by label, one signature: "
                f"`pyhanko sign addsig --field Sig1 --use-pades pkcs11 --lib … --token-label "
                f"{hsm.TOKEN_LABEL} --cert-label {hsm.KEY_LABEL} --key-label {hsm.KEY_LABEL} "
                f"--other-cert-file chain.pem IN OUT` via {cli.how}"
            ),
            anchor_name="pyhanko CLI, one process per file",
        )
    ]


# --- (4) the big file -------------------------------------------------------------------------
WHATIFS_BIG = (
    (
        "one_pass_digests",
        "one 1 MiB-read pass for re-validation + sha256",
        "the re-validation's byte-range digest and the output's SHA-256 for the file store "
        "computed in ONE read of the file (bench/phases.py one_pass_digests), instead of a "
        "1 MiB-read pass plus a separate sha256_of pass; the output's sha256 was checked",
    ),
)


def paired_rounds(ours: list[float], sha: list[float], loads: list[float]) -> str:
    """Per-round ratios (each round's own SHA-256 pass) and how busy the machine was."""
    ratios = [o / a for o, a in zip(ours, sha, strict=True)]
    return (
        f"ratio = median of the per-round ratios ({', '.join(f'{r:.2f}×' for r in ratios)}: "
        f"each run against the SHA-256 pass of its own round), other processes using "
        f"{', '.join(f'{x:.2f}' for x in loads)} cores in those rounds"
    )


def run_child(task: str, args: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.child", task],
        input=json.dumps(args),
        env=env,
        cwd=REPO_DIR,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench.child {task} failed: {done.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def bench_big(rig: Rig) -> list[Result]:
    cfg = rig.cfg
    size_mib = int(cfg.options.get("big_mib", 100 if cfg.quick else 500))
    big = pdfs.big_pdf(cfg.cache_dir, size_mib, log=cfg.log)
    size_mb = big.stat().st_size / MB
    env = rig.token.child_env()
    common = hsm.child_args(
        rig.token,
        source=str(big),
        output=str(rig.out / "big-signed.pdf"),
        warmup_source=str(rig.draft),
    )
    runs = cfg.n(3, 1)
    cfg.log(f"{size_mb:.0f} MB PDF: SHA-256 pass, then {runs} child process(es) per side")
    # Rounds of (SHA-256, ours, bare) so that load from other work hits every side alike; a
    # round during which other processes used the machine is marked (see bench/timing.py).
    sha_times: list[float] = []
    round_sha: list[float] = []  # the SHA-256 time of each round, for paired ratios
    ours_runs, bare_runs, round_others = [], [], []
    load: float | None = None
    for _ in range(runs):
        GATE.wait(load)
        snap = Snapshot.take()
        times = run_child("sha256", {"path": str(big), "repeat": 2}, env)["times"]
        ours_runs.append(run_child("ours", common, env))
        bare_runs.append(run_child("bare", common, env))
        load = snap.others_since() if snap is not None else 0.0
        sha_times += times
        round_sha.append(statistics.median(times))
        round_others.append(load)
    GATE.wait()
    with_phases = run_child("ours", {**common, "phases": True}, env)
    whatifs = []
    whatif_stats: list[tuple[str, str, list[float], list[float], list[float]]] = []
    for key, label, note in WHATIFS_BIG:
        timed_runs: list[dict[str, Any]] = []
        whatif_sha: list[float] = []
        whatif_others: list[float] = []
        for _ in range(runs):
            GATE.wait(load)
            snap = Snapshot.take()
            times = run_child("sha256", {"path": str(big), "repeat": 1}, env)["times"]
            timed_runs.append(
                run_child("ours", {**common, "whatif": key, "check_digest": True}, env)
            )
            load = snap.others_since() if snap is not None else 0.0
            sha_times += times
            whatif_sha += times
            whatif_others.append(load)
        if not all(r["sha256_ok"] for r in timed_runs):
            raise RuntimeError(f"what-if {key}: the output's sha256 is wrong")
        whatif_stats.append(
            (label, note, [r["time"] for r in timed_runs], whatif_sha, whatif_others)
        )
    # Long child runs: every sample is kept (no filtering; see the loads in the notes), the
    # anchor's median is over every SHA-256 pass of the part.
    sha_stats = Stats(tuple(sha_times))
    for label, note, times, shas, loads in whatif_stats:
        stats = Stats(tuple(times))
        paired = statistics.median(o / a for o, a in zip(times, shas, strict=True))
        whatifs.append(
            Result(
                metric=f"  what-if: {label}",
                ours=stats.median,
                anchor=sha_stats.median,
                ratio=paired,
                target="—",
                ok=None,
                unit="s",
                notes=(
                    f"NOT the shipped code: {note}; ours {stats.describe('s')}; "
                    f"{paired_rounds(times, shas, loads)}"
                ),
                anchor_name="one SHA-256 pass (hashlib)",
            )
        )
    ours_times = [r["time"] for r in ours_runs]
    ours_stats = Stats(tuple(ours_times))
    bare_stats = Stats(tuple(r["time"] for r in bare_runs))
    ours_rss = max(r["vmhwm_mib"] for r in ours_runs) * (1 << 20) / MB
    bare_rss = max(r["vmhwm_mib"] for r in bare_runs) * (1 << 20) / MB
    baseline = max(r["baseline_mib"] for r in ours_runs) * (1 << 20) / MB
    phase_note = phases.describe(with_phases["phases"], 1)
    time_ratio = statistics.median(o / a for o, a in zip(ours_times, round_sha, strict=True))
    return [
        Result(
            metric=f"{size_mib} MiB PDF: peak RSS",
            ours=ours_rss,
            anchor=bare_rss,
            ratio=ours_rss / bare_rss,
            target="≤ 150 MB",
            ok=ours_rss <= 150,
            unit="MB",
            notes=(
                f"VmHWM of a fresh child per run (max of {runs}); before signing it was "
                f"{baseline:.0f} MB (Python, app imports, token login, a warm-up signature); "
                "anchor column: bare sign_pdf (output w+b) in its own child, for scale"
            ),
            anchor_name="bare sign_pdf + PKCS11Signer (w+b)",
        ),
        Result(
            metric=f"{size_mib} MiB PDF: time",
            ours=ours_stats.median,
            anchor=sha_stats.median,
            ratio=time_ratio,
            target="≤ 4×",
            ok=time_ratio <= 4,
            unit="s",
            notes=(
                f"anchor: hashlib SHA-256 over the file, 1 MiB reads, page cache warm "
                f"({size_mb / sha_stats.median:.0f} MB/s); bare sign_pdf took "
                f"{bare_stats.median:.2f} s ({bare_stats.median / sha_stats.median:.1f}×); "
                f"where ours goes: {phase_note}; ours {ours_stats.describe('s')}; "
                f"SHA-256 {sha_stats.describe('s')}; "
                f"{paired_rounds(ours_times, round_sha, round_others)}"
            ),
            anchor_name="one SHA-256 pass (hashlib)",
        ),
        *whatifs,
    ]


# --- the suite -----------------------------------------------------------------------------------
@suite("signing", title="Ký số PAdES / PAdES signing (SoftHSM token)", targets=TARGETS)
def signing(cfg: Config) -> list[Result]:
    from app.demo.images import signature_png
    from app.demo.pki import DEFAULT_LEADER_NAME

    with hsm.bench_token(log=cfg.log) as token:
        out = token.workdir / "out"
        out.mkdir()
        draft = token.workdir / "draft.pdf"
        draft.write_bytes(pdfs.draft_pdf())
        png = token.workdir / "signature.png"
        png.write_bytes(signature_png(DEFAULT_LEADER_NAME))
        rig = Rig(cfg, token, draft, png, out)
        parts = set(cfg.options.get("parts", ",".join(PARTS)).split(","))
        results: list[Result] = []
        if "invisible" in parts:
            results += bench_invisible(rig)
        if "visible" in parts:
            results += bench_visible(rig)
        if parts & {"batch", "cli"}:
            batch, per_file = bench_batch(rig)
            results += batch
            if "cli" in parts:
                results += bench_cli(rig, per_file)
        if "big" in parts:
            results += bench_big(rig)
        return results
