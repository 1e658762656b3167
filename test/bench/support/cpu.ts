import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { BASE_DATABASE_URL } from '../../support/test-env';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

function procCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return null;
  }
}

/** CPU time (user + system) of this whole process: all its threads, GC and libuv's pool included. */
export function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** CPU time (user + system) of another process on this machine (Linux /proc); 0 when it cannot be read. */
export function otherProcessCpuMs(pid: number): number {
  return procCpuMs(pid) ?? 0;
}

/**
 * CPU time that PostgreSQL's client backends (not autovacuum) spend on one database while it runs: sampled from /proc every 100 ms,
 * through a connection to another database (so the sampling itself is not counted). Backends that end between two
 * samples lose at most their last 100 ms. Linux only; null elsewhere or when the server is not on this machine.
 */
export class BackendCpu {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  private client?: Client;
  private sampling?: Promise<void>;

  constructor(private readonly database: string) {}

  async start(): Promise<void> {
    const admin = new URL(BASE_DATABASE_URL);
    admin.pathname = '/postgres';
    this.client = new Client({ connectionString: admin.toString() });
    await this.client.connect();
    await this.sample(true);
    this.timer = setInterval(() => {
      this.sampling ??= this.sample(false).finally(() => (this.sampling = undefined));
    }, 100);
  }

  private async sample(initial: boolean): Promise<void> {
    const { rows } = await this.client!.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`,
      [this.database],
    );
    for (const { pid } of rows) {
      const ms = procCpuMs(pid);
      if (ms === null) continue;
      // A backend first seen after the start did all its work within the measurement.
      if (!this.first.has(pid)) this.first.set(pid, initial ? ms : 0);
      this.last.set(pid, ms);
    }
  }

  /** Milliseconds of CPU since start(), or null when /proc showed no backend. */
  async stop(): Promise<number | null> {
    if (!this.client) return null;
    clearInterval(this.timer);
    await this.sampling;
    await this.sample(false);
    await this.client.end();
    this.client = undefined;
    if (this.last.size === 0) return null;
    let total = 0;
    for (const [pid, ms] of this.last) total += ms - (this.first.get(pid) ?? 0);
    return total;
  }
}
