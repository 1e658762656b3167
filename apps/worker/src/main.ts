import 'reflect-metadata';
import { loadConfigOrExit } from '@portal/server';
import { createWorker } from './create-worker';

createWorker(loadConfigOrExit())
  .then(() => process.stdout.write('Grant portal worker consuming queues\n'))
  .catch((error: unknown) => {
    process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
