#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: listens on 127.0.0.1 only, trusts loopback
# connections, and is removed when stopped. Nothing in it is meant to last.
#
#   postgres-test-server.sh start DIR   create and start a cluster in the empty folder DIR;
#                                       prints its connection string on standard output
#   postgres-test-server.sh stop DIR    stop that cluster and remove DIR
#
# PostgreSQL refuses to run as root, so under root the cluster belongs to a system user,
# rapporteur-pg, created here if it is missing.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

# The newest server binaries: those on PATH first, else Debian's versioned folders.
bin_dir() {
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return
  fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u rapporteur-pg -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    bin=$(bin_dir || true)
    if [ -z "$bin" ]; then
      if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL (initdb) is not installed and installing it needs root: apt-get install postgresql" >&2
        exit 1
      fi
      echo "installing PostgreSQL with apt-get" >&2
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      bin=$(bin_dir || true)
      [ -n "$bin" ] || { echo "initdb is still missing after installing postgresql" >&2; exit 1; }
    fi
    if [ "$(id -u)" -eq 0 ] && ! id rapporteur-pg >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin rapporteur-pg
    fi
    owner=$(if [ "$(id -u)" -eq 0 ]; then echo rapporteur-pg; else id -un; fi)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown "$owner" "$dir"
    chmod 700 "$dir"
    if ! as_owner test -w "$dir"; then
      echo "$owner cannot write to $dir: choose a folder whose parents it may enter (TMPDIR)" >&2
      exit 1
    fi
    # C.UTF-8 folds case in every script (Cyrillic included) and sorts by code point, like SQLite.
    as_owner "$bin/initdb" -D "$dir/data" -U "$owner" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port can be taken between choosing and binding it; try a few.
    for _ in 1 2 3 4 5; do
      port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
      # Durability settings off: the cluster is thrown away, and the tests create many databases.
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
          -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
        echo "Host=127.0.0.1;Port=$port;Username=$owner;Database=postgres"
        exit 0
      fi
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
  stop)
    [ -d "$dir" ] || exit 0
    bin=$(bin_dir || true)
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    usage
    ;;
esac
