#!/usr/bin/env bash
# Proves what the image (docker/Dockerfile) runs, without Docker: the built output (dist, package.json,
# package-lock.json, the health probe) copied to an empty folder outside the repository, `npm install --omit=dev` there,
# then the API and the worker started from that copy with NODE_ENV=production on a fresh database (migrations applied at
# start) until both health checks pass through the image's own probe. Fails when the runtime needs anything that is
# only a devDependency, or that only the repository has. Needs `npm run build` first; part of npm test.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO="$PWD"

log() { printf '\033[1m[portal]\033[0m %s\n' "$*"; }
for file in dist/server/apps/api/src/main.js dist/server/apps/worker/src/main.js dist/web/index.html; do
  [ -f "$file" ] || { log "$file is missing: run npm run build first"; exit 1; }
done

BASE_DB="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/grant_portal}"
with_db() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$BASE_DB" "$1"; }
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
secret() { node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))'; }

RUN="prodstart_$(date +%s)_$$"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/portal-production-XXXXXX")"
DB_URL="$(with_db "portal_$RUN")"
ADMIN_URL="$(with_db postgres)"
REDIS="${REDIS_URL:-redis://127.0.0.1:6379}"
pids=()
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local stopping=$SECONDS
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # A graceful stop gets 10 s (as `docker stop` gives), then the process is killed.
  for _ in $(seq 1 20); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ ${#pids[@]} = 0 ] || log "  stopped in $((SECONDS - stopping)) s"
  psql -q "$ADMIN_URL" -c "DROP DATABASE IF EXISTS \"portal_$RUN\" WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli -u "$REDIS" --scan --pattern "$RUN*" 2>/dev/null | xargs -r redis-cli -u "$REDIS" del >/dev/null 2>&1 || true
  if [ $status -ne 0 ]; then
    for name in api worker; do [ -f "$WORK/$name.log" ] && { log "Output of the $name:"; tail -n 30 "$WORK/$name.log"; }; done
  fi
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT INT TERM

# Every package the built server code names (also one a rarely used path loads late) is a dependency, not a
# devDependency: the start below only proves what loads at start.
node -e '
  const fs = require("fs"), path = require("path");
  const deps = new Set(Object.keys(require("./package.json").dependencies));
  const builtin = new Set(require("module").builtinModules);
  const missing = new Set();
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(file);
    if (!file.endsWith(".js")) return;
    for (const m of fs.readFileSync(file, "utf8").matchAll(/\b(?:require|import)\("([^".][^"]*)"\)/g)) {
      const name = m[1].startsWith("@") ? m[1].split("/").slice(0, 2).join("/") : m[1].split("/")[0];
      if (!name.startsWith("node:") && !builtin.has(name) && !deps.has(name)) missing.add(`${name} (${file})`);
    }
  });
  walk("dist/server");
  if (missing.size) { console.error("Not in dependencies:\n  " + [...missing].join("\n  ")); process.exit(1); }
'

# Exactly what the Dockerfile copies into the runtime image.
start=$SECONDS
cp -r dist package.json package-lock.json "$WORK/"
cp docker/healthcheck.js "$WORK/healthcheck.js"
cd "$WORK"
log "  copied the built output in $((SECONDS - start)) s"
start=$SECONDS
npm install --omit=dev --no-audit --no-fund --prefer-offline --loglevel=error >"$WORK/npm.log" 2>&1 || { cat "$WORK/npm.log"; exit 1; }
log "  npm install --omit=dev: $((SECONDS - start)) s, $(ls node_modules | wc -l) top-level packages"
# (typescript may be there: @nestjs/swagger and valibot name it as a peer dependency.)
for dev in jest eslint vite supertest; do [ ! -e "node_modules/$dev" ] || { log "devDependency $dev was installed"; exit 1; }; done

psql -q "$ADMIN_URL" -c "CREATE DATABASE \"portal_$RUN\"" >/dev/null
export NODE_ENV=production DATABASE_URL="$DB_URL" REDIS_URL="$REDIS" REDIS_PREFIX="$RUN" MIGRATIONS=apply \
  SESSION_SECRET="$(secret)" TOTP_ENCRYPTION_KEY="$(secret)" SMTP_URL=smtp://127.0.0.1:1025 LOG_LEVEL=warn \
  PORT="$(free_port)" WORKER_HEALTH_PORT="$(free_port)"
export APP_URL="http://localhost:$PORT"
unset NODE_PATH

healthy() { # healthy <api|worker> <pid>: polls the image's probe while the process lives
  local role=$1 pid=$2
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { log "The $role exited before it was healthy"; return 1; }
    node healthcheck.js "$role" 2>/dev/null && return 0
    sleep 0.5
  done
  log "The $role did not become healthy"; node healthcheck.js "$role" || true; return 1
}

start=$SECONDS
# Started as in compose: the API first (it migrates the empty database), the worker once the API is healthy.
node dist/server/apps/api/src/main.js >"$WORK/api.log" 2>&1 &
pids+=($!)
healthy api "${pids[0]}"
node dist/server/apps/worker/src/main.js >"$WORK/worker.log" 2>&1 &
pids+=($!)
healthy worker "${pids[1]}"
# Without a role the probe finds whichever process listens (as the image's HEALTHCHECK does in either container).
node healthcheck.js
tables="$(psql -tA "$DB_URL" -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
[ "$tables" -gt 10 ] || { log "Migrations were not applied ($tables tables)"; exit 1; }
curl -fs "http://127.0.0.1:$PORT/" | grep -q '<div id="root">' || { log "The API does not serve the web app"; exit 1; }
log "  API and worker healthy from the production install in $((SECONDS - start)) s ($tables tables migrated)"
cd "$REPO"
