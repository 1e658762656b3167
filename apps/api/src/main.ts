import './thread-pool-size';
import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfigOrExit } from '@portal/server';
import { superviseApiProcesses } from './api-cluster';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // API_PROCESSES > 1: this process supervises that many API processes on the same port (ADR 0026).
  if (config.API_PROCESSES > 1 && cluster.isPrimary) return superviseApiProcesses(config.API_PROCESSES, config.PORT);
  const app = await createApi(config);
  await app.listen(config.PORT, '0.0.0.0');
  const which = cluster.isWorker ? `, cluster process ${cluster.worker?.id}` : '';
  process.stdout.write(`Grant portal API listening on ${config.APP_URL} (port ${config.PORT}${which})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
