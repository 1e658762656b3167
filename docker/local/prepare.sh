#!/usr/bin/env bash
# Shared preparation of `npm start` and `npm test` on a development or CI machine:
# dependencies installed, local PostgreSQL and Redis running. Sourced, not executed.
set -euo pipefail

log() { printf '\033[1m[portal]\033[0m %s\n' "$*"; }

# npm ci fails on this platform (see TOOLCHAIN.md); npm install keeps the lock file as it is.
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "Installing dependencies (npm install)"
  npm install --no-audit --no-fund --loglevel=error
fi

host_of() { node -e 'try { console.log(new URL(process.argv[1]).hostname) } catch { console.log("") }' "$1"; }
is_local() { case "$1" in 127.0.0.1|localhost|::1|'[::1]') return 0 ;; *) return 1 ;; esac; }

DB_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/grant_portal}"
REDIS="${REDIS_URL:-redis://127.0.0.1:6379}"

wait_for() { # wait_for <description> <command...>
  local what=$1; shift
  for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  log "$what did not come up"; return 1
}

if is_local "$(host_of "$DB_URL")" && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    log "Starting the local PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
    wait_for PostgreSQL pg_isready -h 127.0.0.1 -p 5432 -q
  else
    log "PostgreSQL is not reachable at $DB_URL and no local server is installed"; exit 1
  fi
fi

if is_local "$(host_of "$REDIS")" && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  if command -v redis-server >/dev/null; then
    log "Starting the local Redis"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/portal.log
    wait_for Redis redis-cli -h 127.0.0.1 -p 6379 ping
  else
    log "Redis is not reachable at $REDIS and no local server is installed"; exit 1
  fi
fi
