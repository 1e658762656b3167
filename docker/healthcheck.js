// Health probe of the image, for HEALTHCHECK and compose: exits 0 when the portal process in this container is healthy.
// One image runs either the API (GET /api/health on PORT) or the worker (GET /health on WORKER_HEALTH_PORT); the probe
// asks both ports and is healthy when one answers 200 and none answers otherwise (nothing listening on the other port is
// normal). `node healthcheck.js api` or `... worker` asks only that one. Plain Node, no dependencies.
'use strict';

const role = process.argv[2];
const targets = [];
if (role !== 'worker') targets.push(`http://127.0.0.1:${process.env.PORT || 3000}/api/health`);
if (role !== 'api' && process.env.WORKER_HEALTH_PORT && process.env.WORKER_HEALTH_PORT !== '0')
  targets.push(`http://127.0.0.1:${process.env.WORKER_HEALTH_PORT}/health`);

async function ask(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
    return { url, status: response.status };
  } catch (error) {
    return { url, status: 0, error: error.cause?.code ?? error.name };
  }
}

Promise.all(targets.map(ask)).then((answers) => {
  const answered = answers.filter((a) => a.status !== 0);
  const healthy = answered.length > 0 && answered.every((a) => a.status === 200);
  if (!healthy) process.stderr.write(`unhealthy: ${JSON.stringify(answers)}\n`);
  process.exit(healthy ? 0 : 1);
});
