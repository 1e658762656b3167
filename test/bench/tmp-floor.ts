import { SESSION_COOKIE } from '@portal/contracts';
import { randomBytes } from 'node:crypto';
import { completeDossier, applicantWithOrganisation, createCall } from '../support/factories';
import { createTestDatabase, startApi } from '../support/test-app';
import { runBench, flag } from './support/bench-run';
import { runLoad } from './support/http-load';
import { processCpuMs } from './support/cpu';
import { seedDrafts } from './support/seed-drafts';

const PATH = flag('path', '/api/v1/auth/me');
void runBench('floor', async () => {
  const database = await createTestDatabase();
  const api = await startApi({ database, seed: false, overrides: { LOG_LEVEL: 'warn' } });
  try {
    const baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    const call = await createCall(api, { closesIn: '3 hours' });
    const owner = await applicantWithOrganisation(api, { enterpriseNumber: '0199999944' });
    const prototype = await completeDossier(api, owner, call.id);
    const drafts = await seedDrafts(api.dataSource, { tag: 'f' + randomBytes(2).toString('hex'), count: 500, callId: call.id, prototypeDossierId: prototype.id, enterpriseBase: 2_000_000 });
    for (let round = 0; round < 3; round++) {
      const requests = Array.from({ length: 4000 }, (_, i) => ({ method: 'GET', path: PATH.replace(':id', drafts[i % 500].dossierId), headers: { accept: 'application/json', cookie: `${SESSION_COOKIE}=${drafts[i % 500].token}` } }));
      const before = processCpuMs();
      const load = await runLoad({ baseUrl, requests, concurrency: 32, expectStatus: 200 });
      console.log(`${PATH}: ${load.ok} ok ${load.errors} errors ${JSON.stringify(load.errorSamples[0] ?? '')}, ${(load.ok * 1000 / load.durationMs).toFixed(0)}/s, API CPU ${((processCpuMs() - before) / 4000).toFixed(3)} ms per request`);
    }
  } finally {
    await api.close();
  }
});
