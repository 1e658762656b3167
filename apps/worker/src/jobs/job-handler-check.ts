import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailProcessor } from '../mail/mail.processor';
import { SystemProcessor } from '../system/system.processor';
import { jobHandlerProblems } from './job-handlers';

/**
 * Refuses to start a worker that would leave a job without a handler (a job name added in contracts and forgotten
 * here would otherwise fail at run time, job after job). Runs before the consumers start (module init).
 */
@Injectable()
export class JobHandlerCheck implements OnModuleInit {
  constructor(
    private readonly mail: MailProcessor,
    private readonly system: SystemProcessor,
  ) {}

  onModuleInit(): void {
    const problems = jobHandlerProblems([this.mail, this.system]);
    if (problems.length > 0) throw new Error(`Worker job handlers incomplete: ${problems.join('; ')}`);
  }
}
