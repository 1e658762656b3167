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
  /**
   * Someone asked for a password reset: the worker looks the address up and, for an account, issues the link and
   * writes the mail. Done off the request so the answer takes the same time whether or not the account exists.
   */
  requestPasswordReset: 'auth.password_reset_request',
} as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** The queue each job is added to; the worker refuses to start unless a processor of that queue handles it. */
export const JOB_QUEUES: Record<JobName, QueueName> = {
  [JOBS.ping]: QUEUES.system,
  [JOBS.sendMail]: QUEUES.mail,
  [JOBS.requestPasswordReset]: QUEUES.system,
};

/** The address as typed (the worker normalises it) and the request that asked, for the audit trail. */
export interface PasswordResetRequestJobData {
  email: string;
  requestId: string | null;
}

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
