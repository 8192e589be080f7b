"""The pyhanko command line, as a person would sign one file at a time with it.

pyhanko 0.38 no longer ships its CLI: it is the separate ``pyhanko-cli`` distribution (which
adds ``pyhanko.cli`` to the ``pyhanko`` namespace package). The project does not depend on it,
so when the venv has no ``pyhanko`` command the bench installs it, without dependencies, into
``bench/.cache/pyhanko-cli`` (pip ``--target``) and runs ``python -m pyhanko`` with that folder
on ``PYTHONPATH``: the same code as the ``pyhanko`` console script, and the shared venv is not
touched. Its other dependencies (click, tzlocal, certifi, platformdirs, asn1crypto) are already
in the venv except PyYAML, which goes into the same folder.

The PKCS#11 PIN is given the way the CLI reads it non-interactively: ``PYHANKO_PKCS11_PIN``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.registry import SuiteSkipped

# pyhanko-cli 0.6.x is the CLI for pyhanko 0.38.x (it requires pyhanko>=0.38,<0.39).
CLI_REQUIREMENTS = ("pyhanko-cli==0.6.0", "pyyaml>=6")
PIN_ENV = "PYHANKO_PKCS11_PIN"


@dataclass(frozen=True)
class PyhankoCli:
    argv: tuple[str, ...]  # the command up to (not including) "sign"
    env: dict[str, str]
    how: str  # for the notes


def _importable(extra_path: Path | None) -> bool:
    env = dict(os.environ)
    if extra_path is not None:
        env["PYTHONPATH"] = str(extra_path)
    done = subprocess.run(
        [sys.executable, "-c", "import pyhanko.cli"], env=env, capture_output=True, timeout=60
    )
    return done.returncode == 0


def find_or_install(cache_dir: Path, log: object = print) -> PyhankoCli:
    venv_script = Path(sys.executable).with_name("pyhanko")
    if venv_script.exists() and _importable(None):
        return PyhankoCli((str(venv_script),), dict(os.environ), f"{venv_script}")
    target = cache_dir / "pyhanko-cli"
    if not _importable(target):
        if callable(log):
            log(f"installing {' '.join(CLI_REQUIREMENTS)} into {target} (once)")
        done = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--upgrade"]
            + ["--target", str(target), *CLI_REQUIREMENTS],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0 or not _importable(target):
            raise SuiteSkipped(
                "the pyhanko CLI (pyhanko-cli) is not installed and could not be installed: "
                + (done.stderr.strip().splitlines() or ["no output"])[-1]
            )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(target), env.get("PYTHONPATH")) if p)
    return PyhankoCli(
        (sys.executable, "-m", "pyhanko"),
        env,
        f"`python -m pyhanko` (pyhanko-cli from {target.relative_to(cache_dir.parent.parent)})",
    )


def addsig_pkcs11(
    cli: PyhankoCli,
    *,
    source: Path,
    output: Path,
    module: str,
    token_label: str,
    cert_label: str,
    chain_pem: Path,
    pin: str,
    softhsm_conf: Path,
) -> list[str]:
    """Sign ``source`` into ``output`` in a new process; returns the command (without PIN)."""
    argv = [
        *cli.argv,
        "sign",
        "addsig",
        "--field",
        "Sig1",
        "--use-pades",
        "pkcs11",
        "--lib",
        module,
        "--token-label",
        token_label,
        "--cert-label",
        cert_label,
        "--key-label",
        cert_label,
        "--other-cert-file",
        str(chain_pem),
        str(source),
        str(output),
    ]
    env = {**cli.env, PIN_ENV: pin, "SOFTHSM2_CONF": str(softhsm_conf)}
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not output.exists():
        raise RuntimeError(f"pyhanko CLI failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return argv
