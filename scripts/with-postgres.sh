#!/usr/bin/env bash
# Run a command against PostgreSQL: the DATABASE_URL given, or a local cluster this script can reach or start
# (as root it creates one when Debian's postgresql is installed with none, and starts it when it is stopped).
# Without one it says so and exits 0, unless MOTCUA_REQUIRE_POSTGRES=1 (CI), where that is a failure.
set -euo pipefail
url=${MOTCUA_POSTGRES_URL:-}
local_url="postgres://motcua:motcua@127.0.0.1:5432/motcua"

can_connect() { PGCONNECT_TIMEOUT=3 psql "$1" -Atqc 'select 1' >/dev/null 2>&1; }

if [[ -z $url ]]; then
  if command -v psql >/dev/null && can_connect "$local_url"; then
    url=$local_url
  elif [[ $(id -u) == 0 ]] && command -v pg_lsclusters >/dev/null; then
    if ! pg_lsclusters -h | grep -q .; then
      pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -n1)" main >/dev/null
    fi
    read -r ver name _ < <(pg_lsclusters -h | head -n1)
    pg_ctlcluster "$ver" "$name" start 2>/dev/null || true
    for _ in $(seq 1 20); do su postgres -c "psql -Atqc 'select 1'" >/dev/null 2>&1 && break; sleep 0.5; done
    su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'motcua') THEN
    CREATE ROLE motcua LOGIN CREATEDB PASSWORD 'motcua';
  END IF;
END $$;
SQL
    su postgres -c "psql -Atqc \"select 1 from pg_database where datname='motcua'\"" | grep -q 1 \
      || su postgres -c "createdb -O motcua motcua"
    can_connect "$local_url" && url=$local_url
  fi
fi

if [[ -z $url ]]; then
  msg="PostgreSQL không có sẵn: bỏ qua lượt kiểm thử trên PostgreSQL (đặt MOTCUA_POSTGRES_URL để chạy)."
  if [[ ${MOTCUA_REQUIRE_POSTGRES:-0} == 1 ]]; then echo "LỖI: $msg" >&2; exit 1; fi
  echo "$msg" >&2
  exit 0
fi
echo "== PostgreSQL: ${url%%@*}@… ==" >&2
DATABASE_URL=$url exec "$@"
