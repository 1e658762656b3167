/**
 * Queue and job names in one place.
 * WARNING: these strings are persisted in Redis (queued jobs carry them); renaming one strands queued jobs.
 */
export const QUEUES = {
  system: 'system',
  mail: 'mail',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  /** Proves a worker is alive: it answers with its pid and the moment it ran. */
  ping: 'system.ping',
  /** Renders and sends one notification row; the job id is the notification id. */
  sendMail: 'mail.send',
} as const;

export interface PingJobData {
  requestedAt: string;
}

export interface PingJobResult {
  pong: true;
  worker: string;
  processedAt: string;
}

/** Redis key (under the queue prefix) where the worker writes its last heartbeat. */
export const WORKER_HEARTBEAT_KEY = 'worker:heartbeat';
