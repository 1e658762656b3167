import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { QUEUES } from '@portal/contracts';
import { AppConfig } from '../config/app-config';
import { QueueErrorLogger } from './queue-error-logger';

/**
 * BullMQ on Redis, shared by the API (producer) and the worker (consumer).
 * Queue names come from @portal/contracts; every key lives under REDIS_PREFIX.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: config.REDIS_PREFIX,
        defaultJobOptions: {
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      }),
    }),
    BullModule.registerQueue({ name: QUEUES.system }, { name: QUEUES.mail }),
  ],
  providers: [QueueErrorLogger],
  exports: [BullModule],
})
export class QueueRootModule {}
