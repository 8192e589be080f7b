"""Measurements that need a process of their own (peak memory): ``python -m bench.child TASK``.

The parent passes a JSON object on stdin and reads one JSON object from the last line of
stdout. Every task reports ``vmhwm_mib`` (the child's peak resident set, VmHWM from
/proc/self/status, falling back to ``ru_maxrss``) and ``baseline_mib`` (the peak before the
measured work: interpreter, imports, token login, a warm-up signature), so each memory figure
belongs to one measurement only. The token PIN comes from the environment (``VBDT_BENCH_PIN``),
never from the command line.

Tasks: ``sha256`` (hashlib over a file, the anchor of the big-file time), ``ours`` (our
``sign_document``, invisible B-B, through ``TokenManager``/``TokenSigner``), ``bare`` (pyhanko's
``sign_pdf`` with its own ``PKCS11Signer``, output opened ``w+b``).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

CHUNK = 1 << 20


def peak_mib() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def task_sha256(args: dict[str, Any]) -> dict[str, Any]:
    path = Path(args["path"])
    baseline = peak_mib()
    times = []
    for _ in range(int(args.get("repeat", 3))):
        start = time.perf_counter()
        sha256_file(path)
        times.append(time.perf_counter() - start)
    return {"times": times, "baseline_mib": baseline, "vmhwm_mib": peak_mib()}


def _ours_signer(args: dict[str, Any]) -> tuple[Any, Any]:
    from app.signing.tokens import EnvPinPrompter, TokenManager, TokenThread

    thread = TokenThread()
    manager = TokenManager(
        args["module"], thread=thread, attempts_file=Path(args["workdir"]) / "child-attempts.json"
    )
    login = manager.login(args["serial"], EnvPinPrompter(args["pin_env"]))
    return manager, manager.signer(login, bytes.fromhex(args["cka_id"]))


def task_ours(args: dict[str, Any]) -> dict[str, Any]:
    from app.signing.pades import Level, Placement, SignRequest, sign_document
    from bench.hsm import load_chain

    manager, signer = _ours_signer(args)
    chain = load_chain(Path(args["chain_pem"]))

    def sign(source: Path, output: Path) -> Any:
        request = SignRequest(
            source=source,
            output=output,
            level=Level.B_B,
            placement=Placement(invisible=True),
            chain=chain,
        )
        return sign_document(request, signer)

    out = Path(args["output"])
    warm = Path(args["warmup_source"])
    sign(warm, out.with_name("warmup-" + out.name))  # imports, caches, the first C_Sign
    out.with_name("warmup-" + out.name).unlink()
    phases: dict[str, float] = {}
    with ExitStack() as stack:
        if args.get("phases"):
            from bench.phases import engine_phases

            phases = stack.enter_context(engine_phases())
        if args.get("whatif") == "one_pass_digests":
            from bench.phases import one_pass_digests

            stack.enter_context(one_pass_digests())
        baseline = peak_mib()
        start = time.perf_counter()
        result = sign(Path(args["source"]), out)
        elapsed = time.perf_counter() - start
    peak = peak_mib()
    size = out.stat().st_size
    digest = sha256_file(out) if args.get("check_digest") else ""
    out.unlink()
    manager.close()
    manager.thread.shutdown()
    return {
        "time": elapsed,
        "baseline_mib": baseline,
        "vmhwm_mib": peak,
        "output_bytes": size,
        "phases": dict(phases),
        "sha256_ok": (digest == result.sha256) if digest else None,
    }


def task_bare(args: dict[str, Any]) -> dict[str, Any]:
    import pkcs11
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.sign.pkcs11 import PKCS11Signer

    from bench.hsm import asn1, load_chain

    lib = pkcs11.lib(args["module"])
    token = lib.get_token(token_serial=args["serial"].encode())
    session = token.open(user_pin=os.environ[args["pin_env"]])
    cka_id = bytes.fromhex(args["cka_id"])
    signer = PKCS11Signer(
        session,
        cert_id=cka_id,
        key_id=cka_id,
        ca_chain=[asn1(c) for c in load_chain(Path(args["chain_pem"]))],
    )

    def sign(source: Path, output: Path) -> None:
        meta = signers.PdfSignatureMetadata(
            field_name="Sig1", md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES
        )
        with open(source, "rb") as infile, open(output, "w+b") as outfile:
            signers.sign_pdf(IncrementalPdfFileWriter(infile), meta, signer=signer, output=outfile)

    out = Path(args["output"])
    warm = out.with_name("warmup-" + out.name)
    sign(Path(args["warmup_source"]), warm)
    warm.unlink()
    baseline = peak_mib()
    start = time.perf_counter()
    sign(Path(args["source"]), out)
    elapsed = time.perf_counter() - start
    peak = peak_mib()
    size = out.stat().st_size
    out.unlink()
    session.close()
    return {"time": elapsed, "baseline_mib": baseline, "vmhwm_mib": peak, "output_bytes": size}


TASKS = {"sha256": task_sha256, "ours": task_ours, "bare": task_bare}


def main() -> int:
    task = TASKS[sys.argv[1]]
    args = json.loads(sys.stdin.read() or "{}")
    result = task(args)
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
