import 'reflect-metadata';
import { dataSourceOptions, loadConfigOrExit } from '@portal/server';
import { DataSource } from 'typeorm';
import { seedDemoData } from '../seed/demo-seeder';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.isProduction) throw new Error('Refusing to seed demo accounts in production');
  const dataSource = await new DataSource(dataSourceOptions(config, [], { poolSize: 2 })).initialize();
  try {
    const { created } = await seedDemoData(dataSource);
    process.stdout.write(created.length ? `Seeded: ${created.join(', ')}\n` : 'Demo data already present\n');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
