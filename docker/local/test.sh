#!/usr/bin/env bash
# npm test: lint, typecheck, unit, e2e (real PostgreSQL and Redis) and browser tests (Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."
source docker/local/prepare.sh

if [ ! -x /usr/bin/chromium ]; then
  log "Installing Debian's Chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium >/dev/null);
  else sudo apt-get install -y -q chromium >/dev/null; fi
fi

step() { log "$1"; shift; local start=$SECONDS; "$@"; log "  done in $((SECONDS - start)) s"; }

step "Lint" npm run --silent lint
step "Typecheck" npm run --silent typecheck
step "Build the API, worker and web app (the crash and scale-out tests run the built API and worker; the browser tests load the built web app)" npm run --silent build
step "Production start: the built output with production dependencies only (npm install --omit=dev), API and worker healthy" bash docker/local/production-start.sh
step "Unit tests" npx jest --config jest.config.js --selectProjects unit
step "Service tests without HTTP (PostgreSQL, Redis)" npx jest --config jest.config.js --selectProjects medium
step "End-to-end tests (PostgreSQL, Redis)" npx jest --config jest.config.js --selectProjects e2e
step "Browser tests (Chromium)" npx jest --config jest.config.js --selectProjects browser
log "All tests passed"
