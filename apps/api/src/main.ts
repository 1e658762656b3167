import './thread-pool-size';
import 'reflect-metadata';
import { loadConfigOrExit } from '@portal/server';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApi(config);
  await app.listen(config.PORT, '0.0.0.0');
  process.stdout.write(`Grant portal API listening on ${config.APP_URL} (port ${config.PORT})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
