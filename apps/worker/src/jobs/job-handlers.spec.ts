import { JOB_QUEUES, JOBS, QUEUES } from '@portal/contracts';
import { jobHandlerProblems } from './job-handlers';

describe('jobHandlerProblems', () => {
  const complete = [
    { queue: QUEUES.system, handledJobs: [JOBS.ping, JOBS.requestPasswordReset] },
    { queue: QUEUES.mail, handledJobs: [JOBS.sendMail] },
  ];

  it('finds nothing when every job has a handler on its queue', () => {
    expect(jobHandlerProblems(complete)).toEqual([]);
  });

  it('names a job without a handler', () => {
    expect(jobHandlerProblems([complete[1]])).toEqual([
      `job ${JOBS.ping} (queue system) has no handler`,
      `job ${JOBS.requestPasswordReset} (queue system) has no handler`,
    ]);
  });

  it('names a handler on the wrong queue', () => {
    const problems = jobHandlerProblems([
      { queue: QUEUES.mail, handledJobs: [JOBS.sendMail, JOBS.ping] },
      { queue: QUEUES.system, handledJobs: [JOBS.requestPasswordReset] },
    ]);
    expect(problems).toContain(`job ${JOBS.ping} (queue system) has no handler`);
    expect(problems).toContain(`job ${JOBS.ping} is handled on queue mail but added to system`);
  });

  it('covers every job of the contracts', () => {
    expect(Object.keys(JOB_QUEUES).sort()).toEqual(Object.values(JOBS).sort());
  });
});
