# shellcheck shell=bash
# A throwaway PostgreSQL server for the tests.
#
# Sourced by scripts/test. Usage:
#
#   vbdt_pg_start     # exports VBDT_TEST_PG_URL (or unsets it: PostgreSQL tests are then skipped)
#
# If VBDT_TEST_PG_URL is already set, it is used as-is and nothing is started. Otherwise a server
# is initialised in a fresh temp dir (as the `postgres` user when we are root: initdb refuses root),
# started on a free port on 127.0.0.1 with a unix socket in that dir, and database vbdt_test is
# created. A trap on EXIT (also reached on INT/TERM) stops it and removes the dir.
# Missing PostgreSQL binaries: warning and skip, except under CI (CI set), where it is an error.
# VBDT_PG_BINDIR overrides where initdb/pg_ctl/createdb are looked for.

_VBDT_PG_DIR=""
_VBDT_PG_AS=()   # command prefix to run the server binaries (runuser when root)
_VBDT_PG_BIN=""

# Prints the directory holding initdb, pg_ctl and createdb (highest Debian version first).
_vbdt_pg_bindir() {
    if [[ -n "${VBDT_PG_BINDIR:-}" ]]; then
        echo "$VBDT_PG_BINDIR"
        return 0
    fi
    local d
    d=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
    if [[ -x "$d" ]]; then
        dirname "$d"
        return 0
    fi
    if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
        pg_config --bindir
        return 0
    fi
    d=$(command -v initdb 2>/dev/null) || return 1
    dirname "$d"
}

_vbdt_pg_unavailable() {  # _vbdt_pg_unavailable REASON
    if [[ -n "${CI:-}" ]]; then
        echo "pg: ERROR: $1 (CI is set: PostgreSQL tests must run)" >&2
        return 1
    fi
    echo "pg: WARNING: $1: PostgreSQL tests will be skipped" >&2
    unset VBDT_TEST_PG_URL
    return 0
}

_vbdt_pg_free_port() {
    local py=python3
    [[ -n "${VIRTUAL_ENV:-}" && -x "$VIRTUAL_ENV/bin/python" ]] && py="$VIRTUAL_ENV/bin/python"
    "$py" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

vbdt_pg_stop() {
    [[ -n "$_VBDT_PG_DIR" ]] || return 0
    local dir="$_VBDT_PG_DIR"
    _VBDT_PG_DIR=""
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        if ! "${_VBDT_PG_AS[@]}" "$_VBDT_PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop \
            >/dev/null 2>&1; then
            local pid
            pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null) || pid=""
            [[ "$pid" =~ ^[0-9]+$ ]] && { kill -9 "$pid" 2>/dev/null || true; }
        fi
        echo "pg: stopped test server"
    fi
    rm -rf "$dir"
}

_vbdt_pg_exit_trap() {
    local rc=$?
    vbdt_pg_stop
    return "$rc"
}

vbdt_pg_start() {
    if [[ -n "${VBDT_TEST_PG_URL:-}" ]]; then
        echo "pg: using VBDT_TEST_PG_URL from the environment"
        export VBDT_TEST_PG_URL
        return 0
    fi

    _VBDT_PG_BIN=$(_vbdt_pg_bindir) || _VBDT_PG_BIN=""
    if [[ -z "$_VBDT_PG_BIN" ]] || [[ ! -x "$_VBDT_PG_BIN/pg_ctl" ]]; then
        _vbdt_pg_unavailable "PostgreSQL server binaries (initdb, pg_ctl) not found"
        return
    fi

    local owner=""
    _VBDT_PG_AS=()
    if [[ "$(id -u)" == 0 ]]; then
        if ! id -u postgres >/dev/null 2>&1; then
            _vbdt_pg_unavailable "running as root and there is no 'postgres' user to run initdb"
            return
        fi
        owner=postgres
        _VBDT_PG_AS=(runuser -u postgres --)
    fi

    # Short path under /tmp: the unix socket path must stay under ~100 bytes, and the postgres
    # user must be able to reach it.
    _VBDT_PG_DIR=$(mktemp -d /tmp/vbdt-pg.XXXXXX) || return 1
    trap _vbdt_pg_exit_trap EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    if [[ -n "$owner" ]]; then
        chown "$owner": "$_VBDT_PG_DIR" || return 1
    fi
    local dir="$_VBDT_PG_DIR"

    # UTF8 always (a C-locale machine would otherwise get SQL_ASCII); C.UTF-8 ctype when the
    # system has it, so that upper()/lower() know Vietnamese letters.
    local locale=C
    if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then
        locale=C.UTF-8
    fi
    if ! "${_VBDT_PG_AS[@]}" "$_VBDT_PG_BIN/initdb" -D "$dir/data" -A trust -U postgres \
        -E UTF8 --locale="$locale" >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        echo "pg: initdb failed" >&2
        return 1
    fi

    local port attempt started=0
    for attempt in 1 2 3; do
        port=$(_vbdt_pg_free_port) || return 1
        if "${_VBDT_PG_AS[@]}" "$_VBDT_PG_BIN/pg_ctl" -D "$dir/data" \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" \
            -l "$dir/log" -w start >/dev/null 2>&1; then
            started=1
            break
        fi
        echo "pg: start on port $port failed (attempt $attempt)" >&2
    done
    if ((!started)); then
        cat "$dir/log" >&2 2>/dev/null || true
        echo "pg: could not start the test server" >&2
        return 1
    fi

    if ! "$_VBDT_PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres vbdt_test; then
        echo "pg: createdb vbdt_test failed" >&2
        return 1
    fi
    export VBDT_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/vbdt_test"
    echo "pg: test server up: $VBDT_TEST_PG_URL (data in $dir)"
}
