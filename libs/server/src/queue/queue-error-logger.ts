import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { QUEUES } from '@portal/contracts';
import type { Queue } from 'bullmq';

/**
 * A queue whose Redis is down emits an error on every reconnect attempt; log it once per outage
 * (the health endpoint reports the state) instead of flooding the console.
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('Queues');
  private readonly failing = new Set<string>();

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QUEUES)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error: Error) => {
        if (this.failing.has(name)) return;
        this.failing.add(name);
        this.logger.warn(`Queue ${name} cannot reach Redis: ${error.message}`);
      });
      void queue.waitUntilReady().then(
        () => this.failing.delete(name),
        () => undefined,
      );
    }
  }
}
