import { JOB_QUEUES, type JobName, type QueueName } from '@portal/contracts';

/** A queue consumer that says which jobs it handles, so the worker can check at start-up that none is orphaned. */
export interface JobConsumer {
  readonly queue: QueueName;
  readonly handledJobs: readonly JobName[];
}

/**
 * The jobs (from JOB_QUEUES) that no consumer of their queue handles, and the handled names that are not jobs of
 * that queue. Both must be empty for the worker to start.
 */
export function jobHandlerProblems(
  consumers: readonly JobConsumer[],
  jobQueues: Record<string, QueueName> = JOB_QUEUES,
): string[] {
  const problems: string[] = [];
  for (const [job, queue] of Object.entries(jobQueues)) {
    if (!consumers.some((consumer) => consumer.queue === queue && consumer.handledJobs.includes(job as JobName)))
      problems.push(`job ${job} (queue ${queue}) has no handler`);
  }
  for (const consumer of consumers)
    for (const job of consumer.handledJobs)
      if (jobQueues[job] !== consumer.queue)
        problems.push(`job ${job} is handled on queue ${consumer.queue} but added to ${jobQueues[job] ?? 'no queue'}`);
  return problems;
}
