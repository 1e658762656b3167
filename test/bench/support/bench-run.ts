import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import globalSetup from '../../support/global-setup';
import globalTeardown from '../../support/global-teardown';

/**
 * Runs one benchmark the way the e2e suite runs a test file: a migrated template database for this run
 * (databases and Redis keys named `portal_t_<run>_...`), and everything of the run dropped at the end,
 * also after a failure or Ctrl-C.
 */
export async function runBench(name: string, body: () => Promise<void>): Promise<void> {
  printHeader(name);
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await globalTeardown();
  };
  const interrupted = () => {
    process.stderr.write('\ninterrupted: dropping the databases and Redis keys of this run\n');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let failed = false;
  try {
    await globalSetup();
    await body();
  } catch (error) {
    failed = true;
    process.stderr.write(
      `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  } finally {
    await cleanUp();
  }
  // Pools and timers of the stopped apps may keep the loop alive for a while; the figures are printed.
  process.exit(failed ? 1 : Number(process.exitCode ?? 0));
}

export function printHeader(name: string): void {
  const cores = cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  const load = loadavg().map((value) => value.toFixed(2));
  console.log(`# ${name}`);
  console.log(`date        ${new Date().toISOString()}`);
  console.log(
    `machine     ${cores.length} cores (${cores[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(`commit      ${commit}`);
  console.log(`load avg    ${load.join(' ')} (1, 5, 15 min) at start`);
}

export function printLoad(label = 'load avg'): void {
  console.log(
    `${label.padEnd(11)} ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')} (1, 5, 15 min)`,
  );
}

/** `--name value` or `--name=value` from the command line; `--flag` alone is "true". */
export function flag(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === `--${name}`) return args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : 'true';
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return fallback;
}

export function intFlag(name: string, fallback: number): number {
  const value = Number(flag(name, String(fallback)).replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

/** Nearest-rank percentile of values sorted ascending. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

export function ms(value: number): string {
  return Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : 'n/a';
}

export function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

/** A plain text table, columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join('  '),
    )
    .join('\n');
}

export async function waitFor(
  what: string,
  probe: () => Promise<boolean> | boolean,
  timeoutMs: number,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
