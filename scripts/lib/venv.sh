# shellcheck shell=bash
# The project's virtual environment in .venv at the repo root.
#
# Sourced by scripts/test, scripts/run, scripts/bench and scripts/build. Usage (cwd = repo root):
#
#   vbdt_venv [EXTRAS]     # EXTRAS: "" (runtime only), "dev", or a comma list such as
#                          # "build,postgres" (scripts/build: PyInstaller and the PostgreSQL driver)
#
# Creates .venv with python3 (>= 3.11; VBDT_PYTHON overrides the interpreter) if it is missing or
# broken, then runs `pip install -e '.[EXTRAS]'` unless .venv/.vbdt-install-stamp says that this
# pyproject.toml was already installed with these extras (any extras cover a runtime-only request;
# each extras list is its own stamp line, so `dev` then `build,postgres` installs once each and
# both stay up to date until pyproject.toml changes).
# Puts .venv/bin first on PATH and sets VIRTUAL_ENV.

export PIP_DISABLE_PIP_VERSION_CHECK=1

VBDT_VENV_DIR=".venv"
VBDT_VENV_STAMP="$VBDT_VENV_DIR/.vbdt-install-stamp"

_vbdt_py_ok() {  # _vbdt_py_ok PYTHON: is it a Python >= 3.11?
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

_vbdt_venv_create() {
    local py="${VBDT_PYTHON:-python3}"
    if ! command -v "$py" >/dev/null 2>&1; then
        echo "venv: $py not found: Python 3.11 or newer is required" \
            "(Debian 12: apt-get install python3 python3-venv)" >&2
        return 1
    fi
    if ! _vbdt_py_ok "$py"; then
        echo "venv: Python 3.11 or newer is required; $py is $("$py" -V 2>&1)." \
            "Set VBDT_PYTHON to a newer interpreter." >&2
        return 1
    fi
    if ! "$py" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        # Debian's python3 ships venv's pip bootstrap in a separate package.
        local pyver
        pyver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
        if declare -F vbdt_ensure_sysdeps >/dev/null; then
            vbdt_ensure_sysdeps "python$pyver-venv" || return 1
        fi
        if ! "$py" -c 'import venv, ensurepip' >/dev/null 2>&1; then
            echo "venv: $py cannot create virtual environments (no ensurepip):" \
                "install python$pyver-venv" >&2
            return 1
        fi
    fi
    rm -rf "$VBDT_VENV_DIR"
    echo "venv: creating $VBDT_VENV_DIR with $py ($("$py" -V 2>&1))"
    "$py" -m venv "$VBDT_VENV_DIR" || { echo "venv: python -m venv failed" >&2; return 1; }
}

vbdt_venv() {
    local extras="${1:-}"
    if [[ ! -x "$VBDT_VENV_DIR/bin/python" ]] || ! _vbdt_py_ok "$VBDT_VENV_DIR/bin/python"; then
        [[ -e "$VBDT_VENV_DIR" ]] && echo "venv: $VBDT_VENV_DIR is broken or too old: recreating"
        _vbdt_venv_create || return 1
    fi

    local hash
    hash=$(sha256sum pyproject.toml | cut -d' ' -f1) || return 1
    local want="$hash ${extras:--}"
    local up_to_date=0
    if [[ -f "$VBDT_VENV_STAMP" ]]; then
        if [[ -z "$extras" ]]; then
            grep -q "^$hash " "$VBDT_VENV_STAMP" && up_to_date=1
        else
            grep -qxF "$want" "$VBDT_VENV_STAMP" && up_to_date=1
        fi
    fi

    if ((up_to_date)); then
        echo "venv: up to date (${extras:-runtime})"
    else
        local spec="."
        [[ -n "$extras" ]] && spec=".[$extras]"
        echo "venv: pip install -e '$spec'"
        local log rc=0
        log=$(mktemp "${TMPDIR:-/tmp}/vbdt-pip.XXXXXX") || return 1
        "$VBDT_VENV_DIR/bin/python" -m pip install -q -e "$spec" >"$log" 2>&1 || rc=$?
        if ((rc != 0)); then
            cat "$log" >&2
            rm -f "$log"
            echo "venv: pip install -e '$spec' failed (exit $rc)" >&2
            return 1
        fi
        rm -f "$log"
        # Keep the lines for this pyproject.toml (other extras), drop stale ones.
        local kept=""
        [[ -f "$VBDT_VENV_STAMP" ]] && kept=$(grep "^$hash " "$VBDT_VENV_STAMP" || true)
        { [[ -n "$kept" ]] && printf '%s\n' "$kept"; printf '%s\n' "$want"; } >"$VBDT_VENV_STAMP"
    fi

    VIRTUAL_ENV="$PWD/$VBDT_VENV_DIR"
    PATH="$VIRTUAL_ENV/bin:$PATH"
    export VIRTUAL_ENV PATH
    unset PYTHONHOME
}
