import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROLE = 'PORTAL_BENCH_ROLE';

/**
 * Starts a TypeScript file of test/bench as a child process (through the same SWC hook), in the given role.
 * Load generators and the SMTP sink run there so that the process being measured (the API, the worker) spends
 * its CPU, and has its CPU time counted, on its own work only.
 */
export function forkRole(file: string, role: string): ChildProcess {
  return fork(file, [], {
    execArgv: ['-r', join(__dirname, 'register.cjs')],
    env: { ...process.env, [ROLE]: role },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** True in a child started by `forkRole(file, role)`. */
export function isRole(role: string): boolean {
  return process.env[ROLE] === role && typeof process.send === 'function';
}
