#!/usr/bin/env bash
# Run a command against a local Citus cluster (a coordinator and two workers, ../shared/citus-pg15): install Citus
# when missing, start the cluster in MOTCUA_CITUS_DIR, create the database (and the test database, test_<name> or
# MOTCUA_TEST_DATABASE, for pytest-django's --reuse-db: Citus does not propagate CREATE DATABASE) on every node
# with the extension and the workers registered, then run the command with DATABASE_URL pointing at the
# coordinator and MOTCUA_CITUS=1. The tables are distributed by `motcua citus distribute` after `migrate` (the
# tests' conftest does it for the test database). The cluster is left running: `local-cluster.sh stop DIR` stops
# it. Needs root, as local-cluster.sh does;
# without root or PostgreSQL 15 it says so and exits 0, unless MOTCUA_REQUIRE_CITUS=1 (CI), where that is a failure.
#
# The Citus build in ../shared/citus-pg15 is compiled against PostgreSQL 15.20, whose server exports symbols
# (have_createdb_privilege, heap_datum_check, DatumGetHeapTupleHeader) that 15.19 and older lack: their postgres
# refuses to load citus.so. On such a machine the cluster runs on Debian's postgresql-15 package of the current
# point release, unpacked (not installed) under DIR/pg; the system's own PostgreSQL is not touched.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg=${MOTCUA_CITUS_PKG:-$here/../../shared/citus-pg15}
dir=${MOTCUA_CITUS_DIR:-/tmp/motcua-citus}
port=${MOTCUA_CITUS_PORT:-9700}
db=${MOTCUA_CITUS_DB:-motcua}
sys=/usr/lib/postgresql/15

skip() {
  if [[ ${MOTCUA_REQUIRE_CITUS:-0} == 1 ]]; then echo "LỖI: $1" >&2; exit 1; fi
  echo "$1 Bỏ qua lượt chạy trên Citus." >&2; exit 0
}
[[ $(id -u) == 0 ]] || skip "Citus cần quyền root (cài phần mở rộng, chạy cụm máy chủ)."
[[ -x $sys/bin/postgres && -d $pkg ]] || skip "Không có PostgreSQL 15 hoặc gói Citus ($pkg)."

[[ -f $sys/lib/citus.so ]] || sh "$pkg/install.sh" >&2
bin=$sys/bin
if ! nm -D "$sys/bin/postgres" | grep -q ' T have_createdb_privilege$'; then
  bin=$dir/pg/usr/lib/postgresql/15/bin
  if [[ ! -x $bin/postgres ]]; then
    echo "== PostgreSQL $("$sys/bin/postgres" --version | awk '{print $3}') cannot load this Citus build:" \
      "unpacking Debian's current postgresql-15 under $dir/pg ==" >&2
    mkdir -p "$dir/deb" && chmod 755 "$dir"
    (cd "$dir/deb" && apt-get download postgresql-15 2>/dev/null >&2)
    dpkg-deb -x "$dir"/deb/postgresql-15_*.deb "$dir/pg"
    tar xzf "$pkg/citus-13.2.2-pg15-amd64.tar.gz" -C "$dir/pg"
  fi
fi

export PGOPTIONS="-c client_min_messages=warning"
psql_at() { local p=$1 d=$2; shift 2; psql -h 127.0.0.1 -p "$p" -U postgres -d "$d" -v ON_ERROR_STOP=1 -qAt "$@"; }
if ! psql_at "$port" postgres -c 'select 1' >/dev/null 2>&1; then
  if [[ $bin == "$sys/bin" ]]; then
    "$pkg/local-cluster.sh" start "$dir" "$port" >/dev/null
  else  # local-cluster.sh's steps with the unpacked binaries
    mkdir -p "$dir"; chown postgres "$dir"
    names=(c w1 w2)
    for i in 0 1 2; do
      d=$dir/${names[$i]}
      if [[ ! -f $d/PG_VERSION ]]; then
        su postgres -s /bin/sh -c "$bin/initdb -D $d -U postgres --auth=trust" >/dev/null
        printf "shared_preload_libraries = 'citus'\nmax_connections = 300\nlisten_addresses = '127.0.0.1'\n" >>"$d/postgresql.conf"
      fi
      su postgres -s /bin/sh -c "$bin/pg_ctl -D $d -o '-p $((port + i)) -k /tmp' -l $d.log -w start" >/dev/null
    done
  fi
fi

for name in "$db" "${MOTCUA_TEST_DATABASE:-test_$db}"; do
  for p in "$port" $((port + 1)) $((port + 2)); do
    psql_at "$p" postgres -c "select 1 from pg_database where datname = '$name'" | grep -q 1 \
      || psql_at "$p" postgres -c "create database \"$name\"" 2>/dev/null
    psql_at "$p" "$name" -c "create extension if not exists citus"
  done
  if [[ $(psql_at "$port" "$name" -c "select count(*) from pg_dist_node") == 0 ]]; then
    psql_at "$port" "$name" -c "select citus_set_coordinator_host('127.0.0.1', $port)" \
      -c "select citus_add_node('127.0.0.1', $((port + 1)))" -c "select citus_add_node('127.0.0.1', $((port + 2)))" >/dev/null
  fi
done
url=postgres://postgres@127.0.0.1:$port/$db
echo "== Citus $(psql_at "$port" "$db" -c 'select extversion from pg_extension where extname = $$citus$$')" \
  "on $(psql_at "$port" "$db" -c 'select count(*) from citus_get_active_worker_nodes()') workers: $url ==" >&2
DATABASE_URL=$url MOTCUA_CITUS=1 exec "$@"
