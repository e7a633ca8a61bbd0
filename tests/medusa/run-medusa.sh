#!/bin/bash
# run-medusa.sh: a throw-away Medusa v2 store for Aisle's medusa test suite.
#
#   run-medusa.sh install          install Medusa from npm into the cache folder
#   run-medusa.sh run PROGRAM...   PostgreSQL + migrate + seed + Medusa, then PROGRAM
#   run-medusa.sh ctl stop|start   for PROGRAM: stop or restart the Medusa server
#
# node_modules live in ${AISLE_MEDUSA_CACHE:-/var/cache/aisle-medusa}, never in
# the source tree, and are reused while package.json is unchanged. Each run
# gets a private PostgreSQL cluster and random ports on 127.0.0.1; everything
# started here is stopped on exit, failed or not. Without node or PostgreSQL
# the suite is skipped (77), unless AISLE_REQUIRE_MEDUSA=1.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${AISLE_MEDUSA_CACHE:-/var/cache/aisle-medusa}
PROJECT=$CACHE/project
ADMIN_EMAIL=admin@aisle.test
ADMIN_PASSWORD=aisle-test-password

log () { echo "# medusa: $*" >&2; }

skip_or_fail () {
  if [ "${AISLE_REQUIRE_MEDUSA:-0}" = 1 ]; then
    log "FAIL: $* (AISLE_REQUIRE_MEDUSA=1)"
    exit 1
  fi
  log "SKIP: $*"
  exit 77
}

pg_bindir () {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

check_tools () {
  command -v node >/dev/null || skip_or_fail "node is not installed"
  command -v npm >/dev/null || skip_or_fail "npm is not installed"
  pg_bindir >/dev/null || skip_or_fail "the PostgreSQL server (initdb, pg_ctl) is not installed"
  command -v python3 >/dev/null || skip_or_fail "python3 is not installed"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || skip_or_fail "Medusa v2 needs node 20 or later, found $(node -v)"
}

do_install () {
  mkdir -p "$PROJECT"
  exec 9>"$CACHE/.lock"
  flock 9
  if [ -f "$PROJECT/.aisle-installed" ] && cmp -s "$HERE/medusa-project/package.json" "$PROJECT/.aisle-installed"; then
    log "reusing the Medusa install in $PROJECT"
  else
    log "installing Medusa from npm into $PROJECT"
    rm -rf "$PROJECT/node_modules" "$PROJECT/package-lock.json" "$PROJECT/.aisle-installed"
    cp "$HERE/medusa-project/package.json" "$PROJECT/"
    local start=$SECONDS
    (cd "$PROJECT" && npm install --no-audit --no-fund --loglevel=error) >&2
    log "npm install took $((SECONDS - start)) s"
    cp "$HERE/medusa-project/package.json" "$PROJECT/.aisle-installed"
  fi
  cp "$HERE/medusa-project/medusa-config.ts" "$HERE/medusa-project/tsconfig.json" "$PROJECT/"
  mkdir -p "$PROJECT/src/scripts"
  cp "$HERE/seed.ts" "$PROJECT/src/scripts/aisle-seed.ts"
  flock -u 9
}

free_port () {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# As the cluster's owner: PostgreSQL refuses to run as root.
as_pg () {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

medusa_env () {
  # shellcheck disable=SC1091
  . "$STATE/env"
  export DATABASE_URL JWT_SECRET COOKIE_SECRET NODE_ENV=development MEDUSA_DISABLE_TELEMETRY=true
}

medusa_start () {
  medusa_env
  log "starting Medusa on 127.0.0.1:$MEDUSA_PORT"
  rm -f "$STATE/medusa.pid"
  # Its own session, so that stopping it ends node and every child it made;
  # the pid is written from inside, as setsid may fork.
  (cd "$PROJECT" && setsid bash -c 'echo $$ >"$1/medusa.pid"; shift; exec "$@"' _ "$STATE" \
     ./node_modules/.bin/medusa start -H 127.0.0.1 -p "$MEDUSA_PORT" >>"$STATE/medusa.log" 2>&1 &)
  local i
  for i in $(seq 1 50); do
    [ -s "$STATE/medusa.pid" ] && break
    sleep 0.1
  done
  for i in $(seq 1 180); do
    if curl -sf "http://127.0.0.1:$MEDUSA_PORT/health" >/dev/null 2>&1; then
      log "Medusa answers after ${i}x0.5 s"
      return 0
    fi
    if ! kill -0 "$(cat "$STATE/medusa.pid")" 2>/dev/null; then
      tail -n 40 "$STATE/medusa.log" >&2
      log "Medusa exited"
      return 1
    fi
    sleep 0.5
  done
  tail -n 40 "$STATE/medusa.log" >&2
  log "Medusa did not answer within 90 s"
  return 1
}

medusa_stop () {
  local pid
  [ -f "$STATE/medusa.pid" ] || return 0
  pid=$(cat "$STATE/medusa.pid")
  rm -f "$STATE/medusa.pid"
  # setsid made it a process group leader: end the group, and only it.
  kill -TERM -- "-$pid" 2>/dev/null || return 0
  local i
  for i in $(seq 1 40); do
    kill -0 -- "-$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

cleanup () {
  local status=$?
  set +e
  medusa_stop
  if [ -n "${PGBIN:-}" ] && [ -f "$STATE/pg/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$STATE/pg" -m fast -w stop >/dev/null
  fi
  if [ "$status" != 0 ] && [ "$status" != 77 ] && [ -f "$STATE/medusa.log" ]; then
    log "last lines of the Medusa log:"
    tail -n 30 "$STATE/medusa.log" >&2
  fi
  [ "${AISLE_MEDUSA_KEEP:-0}" = 1 ] && log "kept $STATE" || rm -rf "$STATE"
  exit "$status"
}

start_postgres () {
  PGBIN=$(pg_bindir)
  PG_PORT=$(free_port)
  mkdir -p "$STATE/pg" "$STATE/pgsock"
  [ "$(id -u)" = 0 ] && chown postgres: "$STATE/pg" "$STATE/pgsock"
  as_pg "$PGBIN/initdb" -D "$STATE/pg" -U aisle --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$STATE/pg" -l "$STATE/pgsock/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $STATE/pgsock -c fsync=off" start >/dev/null
  as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U aisle medusa
  log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

prepare_store () {
  local start=$SECONDS
  cat >"$STATE/env" <<EOF
DATABASE_URL=postgres://aisle@127.0.0.1:$PG_PORT/medusa
JWT_SECRET=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
COOKIE_SECRET=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
MEDUSA_PORT=$(free_port)
EOF
  medusa_env
  (cd "$PROJECT" && ./node_modules/.bin/medusa db:migrate) >>"$STATE/medusa.log" 2>&1 \
    || { tail -n 40 "$STATE/medusa.log" >&2; log "migration failed"; return 1; }
  log "migrated in $((SECONDS - start)) s"
  (cd "$PROJECT" && AISLE_SEED_OUT="$STATE/seed.json" ./node_modules/.bin/medusa exec ./src/scripts/aisle-seed.ts) \
    >>"$STATE/medusa.log" 2>&1 || { tail -n 40 "$STATE/medusa.log" >&2; log "seeding failed"; return 1; }
  (cd "$PROJECT" && ./node_modules/.bin/medusa user -e "$ADMIN_EMAIL" -p "$ADMIN_PASSWORD") \
    >>"$STATE/medusa.log" 2>&1 || { tail -n 40 "$STATE/medusa.log" >&2; log "no admin user"; return 1; }
  log "migrated and seeded in $((SECONDS - start)) s"
}

do_run () {
  check_tools
  do_install
  STATE=$(mktemp -d "${TMPDIR:-/tmp}/aisle-medusa.XXXXXX")
  chmod 755 "$STATE"
  trap cleanup EXIT
  trap 'exit 143' TERM INT HUP
  start_postgres
  prepare_store
  medusa_start
  export AISLE_MEDUSA_STATE=$STATE
  export AISLE_MEDUSA_CTL=$HERE/run-medusa.sh
  export AISLE_MEDUSA_URL=http://127.0.0.1:$MEDUSA_PORT
  export AISLE_MEDUSA_SEED=$STATE/seed.json
  export AISLE_MEDUSA_ADMIN_EMAIL=$ADMIN_EMAIL
  export AISLE_MEDUSA_ADMIN_PASSWORD=$ADMIN_PASSWORD
  "$@"
}

case "${1:-}" in
  install)
    check_tools
    do_install
    ;;
  run)
    shift
    do_run "$@"
    ;;
  ctl)
    STATE=${AISLE_MEDUSA_STATE:?not inside run-medusa.sh run}
    case "${2:-}" in
      stop) medusa_stop ;;
      start) medusa_start ;;
      *) echo "usage: $0 ctl stop|start" >&2; exit 2 ;;
    esac
    ;;
  *)
    echo "usage: $0 install | run PROGRAM [ARGS…] | ctl stop|start" >&2
    exit 2
    ;;
esac
