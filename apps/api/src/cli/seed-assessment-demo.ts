import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@portal/server';
import { AppModule } from '../app.module';
import { CABINET_DEMO_CALL, seedAssessmentDemo } from '../seed/demo-assessment';

/** `npm start`: a demo call in the middle of its assessment (see seedAssessmentDemo); needs the database and Redis. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.isProduction) throw new Error('Refusing to seed demo data in production');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const seeded = await seedAssessmentDemo(app);
    process.stdout.write(
      seeded
        ? `Seeded: call ${seeded} (in assessment, three reviews open), call ${CABINET_DEMO_CALL} (proposal with the minister)\n`
        : 'Assessment demo already present\n',
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Seeding the assessment demo failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
