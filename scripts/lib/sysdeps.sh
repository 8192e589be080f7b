# shellcheck shell=bash
# System (Debian/Ubuntu) packages: find the missing ones, install them when we may.
#
# Sourced by scripts/test and scripts/run. Usage:
#
#   vbdt_ensure_sysdeps REQUIRED_PKG... [--optional OPTIONAL_PKG...]
#
# Returns 0 when every required package is installed (afterwards). Missing packages are installed
# with apt-get when we are root, apt-get exists and VBDT_NO_APT is not set; otherwise the missing
# packages and the command to install them are printed, and the function returns 1 if a required
# package is missing (missing optional packages only give a warning).
# `apt-get update` runs at most once per process, and only when something is missing.

# Prints the packages among "$@" that dpkg does not report as installed, one per line.
vbdt_missing_pkgs() {
    local pkg status
    for pkg in "$@"; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null) || status=""
        [[ "$status" == "install ok installed" ]] || printf '%s\n' "$pkg"
    done
}

# Why apt-get may not be used here (empty output: it may).
vbdt_apt_blocker() {
    if [[ -n "${VBDT_NO_APT:-}" ]]; then
        echo "VBDT_NO_APT is set"
    elif [[ "$(id -u)" != 0 ]]; then
        echo "not running as root"
    elif ! command -v apt-get >/dev/null 2>&1; then
        echo "apt-get not found"
    fi
}

# apt-get install the given packages (update the lists once first). Output goes to a log that is
# shown only on failure.
vbdt_apt_install() {
    local log rc=0
    log=$(mktemp "${TMPDIR:-/tmp}/vbdt-apt.XXXXXX") || return 1
    if [[ -z "${_VBDT_APT_UPDATED:-}" ]]; then
        echo "sysdeps: apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1 || rc=$?
        if ((rc != 0)); then
            cat "$log" >&2
            rm -f "$log"
            echo "sysdeps: apt-get update failed (exit $rc)" >&2
            return 1
        fi
        _VBDT_APT_UPDATED=1
    fi
    echo "sysdeps: apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" \
        >"$log" 2>&1 || rc=$?
    if ((rc != 0)); then
        cat "$log" >&2
        echo "sysdeps: apt-get install failed (exit $rc)" >&2
    fi
    rm -f "$log"
    return "$rc"
}

vbdt_ensure_sysdeps() {
    local required=() optional=() into=required arg
    for arg in "$@"; do
        if [[ "$arg" == --optional ]]; then
            into=optional
        elif [[ $into == required ]]; then
            required+=("$arg")
        else
            optional+=("$arg")
        fi
    done

    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "sysdeps: WARNING: dpkg-query not found (not Debian/Ubuntu?): cannot check system" \
            "packages. Make sure the equivalents of these are installed:" \
            "${required[*]} ${optional[*]}" >&2
        return 0
    fi

    local missing_req=() missing_opt=()
    mapfile -t missing_req < <(vbdt_missing_pkgs "${required[@]}")
    mapfile -t missing_opt < <(vbdt_missing_pkgs "${optional[@]}")
    local missing=("${missing_req[@]}" "${missing_opt[@]}")
    if ((${#missing[@]} == 0)); then
        echo "sysdeps: all $((${#required[@]} + ${#optional[@]})) system packages present"
        return 0
    fi

    local blocker
    blocker=$(vbdt_apt_blocker)
    if [[ -z "$blocker" ]]; then
        vbdt_apt_install "${missing[@]}" || return 1
        mapfile -t missing_req < <(vbdt_missing_pkgs "${required[@]}")
        if ((${#missing_req[@]} != 0)); then
            echo "sysdeps: still missing after apt-get install: ${missing_req[*]}" >&2
            return 1
        fi
        return 0
    fi

    local sudo=""
    [[ "$(id -u)" == 0 ]] || sudo="sudo "
    {
        echo "sysdeps: missing system packages: ${missing[*]}"
        echo "sysdeps: not installing them ($blocker). Install them with:"
        echo "    ${sudo}apt-get update && ${sudo}env DEBIAN_FRONTEND=noninteractive" \
            "apt-get install -y --no-install-recommends ${missing[*]}"
    } >&2
    if ((${#missing_req[@]} != 0)); then
        return 1
    fi
    echo "sysdeps: WARNING: continuing without: ${missing_opt[*]}" >&2
    return 0
}
