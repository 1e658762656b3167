import { InjectQueue } from '@nestjs/bullmq';
import { Controller, HttpCode, OnModuleDestroy, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JOBS, PingJobData, PingJobResult, QUEUES } from '@portal/contracts';
import { AppException } from '@portal/server';
import { Queue, QueueEvents } from 'bullmq';
import { Roles } from '../common/access.decorators';

/** Operations checks for the administration. */
@ApiTags('system')
@Controller({ path: 'system', version: '1' })
export class SystemController implements OnModuleDestroy {
  private events?: QueueEvents;

  constructor(@InjectQueue(QUEUES.system) private readonly queue: Queue<PingJobData, PingJobResult>) {}

  @Roles('admin')
  @Post('worker-ping')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enqueue a ping job and wait (up to 5 s) until a worker has processed it' })
  async pingWorker(): Promise<PingJobResult> {
    this.events ??= new QueueEvents(this.queue.name, {
      connection: this.queue.opts.connection,
      prefix: this.queue.opts.prefix,
    });
    try {
      await this.events.waitUntilReady();
      const job = await this.queue.add(JOBS.ping, { requestedAt: new Date().toISOString() });
      return await job.waitUntilFinished(this.events, 5000);
    } catch {
      throw new AppException('SERVICE_UNAVAILABLE');
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.events?.close();
  }
}
