#!/usr/bin/env bash
# npm start: the whole portal on this machine with demo data: API (serving the web app), worker and a mail catcher.
set -euo pipefail
cd "$(dirname "$0")/../.."
source docker/local/prepare.sh

export NODE_ENV="${NODE_ENV:-development}"
export LOG_LEVEL="${LOG_LEVEL:-warn}"
export PORT="${PORT:-3000}"
export APP_URL="${APP_URL:-http://localhost:$PORT}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/grant_portal}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:1025}"
MAILDEV_WEB_PORT="${MAILDEV_WEB_PORT:-1080}"
# Single sign-on: a local OpenID provider with demo identities stands in for ACM/IDM, unless OIDC_ISSUER points
# elsewhere (a real provider) or LOCAL_OIDC=0.
LOCAL_OIDC="${LOCAL_OIDC:-$([ -z "${OIDC_ISSUER:-}" ] && echo 1 || echo 0)}"
if [ "$LOCAL_OIDC" = "1" ]; then
  export OIDC_PROVIDER_PORT="${OIDC_PROVIDER_PORT:-4010}"
  export OIDC_ISSUER="http://127.0.0.1:$OIDC_PROVIDER_PORT"
  export OIDC_PROVIDER_ISSUER="$OIDC_ISSUER"
  export OIDC_CLIENT_ID="${OIDC_CLIENT_ID:-subsidieportaal}"
  export OIDC_CLIENT_SECRET="${OIDC_CLIENT_SECRET:-lokaal-geheim-voor-ontwikkeling}"
  export OIDC_PROVIDER_REDIRECT_URIS="${OIDC_REDIRECT_URI:-$APP_URL/api/v1/auth/oidc/callback}"
  export OIDC_SCOPES="${OIDC_SCOPES:-openid profile email portal}"
  export OIDC_ROLE_MAP="${OIDC_ROLE_MAP:-portal-admin:admin,portal-reviewer:reviewer,kabinet:minister}"
fi

log "Building the API, the worker and the web app"
# The production build of the web app whatever NODE_ENV the portal runs with (React's development build is 1.7x the size).
NODE_ENV=production npm run --silent build

log "Migrating the database (created when missing)"
node dist/server/apps/api/src/cli/migrate.js
log "Seeding demo data"
node dist/server/apps/api/src/cli/seed.js
# A demo call in the middle of its assessment (reviewer, administration and minister screens have data). Demo only:
# if it fails the portal still starts, without it.
node dist/server/apps/api/src/cli/seed-assessment-demo.js || log "Warning: the assessment demo could not be seeded"

pids=()
cleanup() { trap - EXIT INT TERM; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# The mail catcher listens where SMTP_URL points (a local host only), and the worker starts once it does.
SMTP_HOST="$(host_of "$SMTP_URL")"
SMTP_PORT="$(node -e 'try { console.log(new URL(process.argv[1]).port || 25) } catch { console.log(25) }' "$SMTP_URL")"
if (echo > "/dev/tcp/${SMTP_HOST:-127.0.0.1}/$SMTP_PORT") 2>/dev/null; then
  log "Something already listens on SMTP port $SMTP_PORT; using it as the mail catcher"
elif is_local "$SMTP_HOST"; then
  node_modules/.bin/maildev --smtp "$SMTP_PORT" --ip 127.0.0.1 --web "$MAILDEV_WEB_PORT" --web-ip 127.0.0.1 >var-maildev.log 2>&1 &
  pids+=($!)
  wait_for "The mail catcher" bash -c "echo > /dev/tcp/127.0.0.1/$SMTP_PORT"
else
  log "Mail goes to $SMTP_HOST:$SMTP_PORT (SMTP_URL); no local mail catcher"
fi
if [ "$LOCAL_OIDC" = "1" ]; then
  node docker/local/oidc-provider.mjs >var-oidc-provider.log 2>&1 &
  pids+=($!)
  for _ in $(seq 1 30); do curl -fs "$OIDC_ISSUER/.well-known/openid-configuration" >/dev/null 2>&1 && break; sleep 0.3; done
fi
node dist/server/apps/worker/src/main.js &
pids+=($!)
node dist/server/apps/api/src/main.js &
pids+=($!)

for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break; sleep 0.5; done

cat <<BANNER

  Subsidieportaal is running
  ─────────────────────────────────────────────────────────────
  Portal       $APP_URL
  API docs     $APP_URL/api/docs
  Health       $APP_URL/api/health
  Mail catcher http://127.0.0.1:$MAILDEV_WEB_PORT
$([ "$LOCAL_OIDC" = "1" ] && printf '  Identity service (local, demo identities) %s: "Aanmelden via de identiteitsdienst"\n' "$OIDC_ISSUER")

  Demo accounts (password: $(node -p "require('./dist/server/apps/api/src/seed/demo-accounts').DEMO_PASSWORD"))
$(node -e "for (const a of require('./dist/server/apps/api/src/seed/demo-accounts').DEMO_ACCOUNTS) console.log('    ' + a.roles.join(',').padEnd(10) + ' ' + a.email)")

  Stop with Ctrl+C.
BANNER

wait -n "${pids[@]}"
