// Preloaded by `npm run bench:rush`: when DATABASE_URL is not set and PostgreSQL listens on its Unix socket in
// /var/run/postgresql (Debian's default), the benchmark (the API, pgbench and the CPU sampling) connects through that
// socket instead of TCP on loopback, as a production API on the database's machine would be configured
// (README, "Configuration"). Set DATABASE_URL to choose otherwise.
'use strict';
const { existsSync } = require('node:fs');

if (!process.env.DATABASE_URL && existsSync('/var/run/postgresql/.s.PGSQL.5432')) {
  process.env.DATABASE_URL = 'postgres://postgres@localhost:5432/postgres?host=/var/run/postgresql';
}
