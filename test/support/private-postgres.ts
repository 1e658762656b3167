import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's PostgreSQL 15 binaries (the version the machines run); override with PG_BIN. */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

const DIR_PREFIX = 'portal-pg-';
/** The pid of the test process that owns a server, so a later run can stop servers whose owner died. */
const OWNER_FILE = 'owner.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function pgCtlSync(args: string[]): void {
  const command = join(PG_BIN, 'pg_ctl');
  if (process.getuid?.() === 0)
    execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore' });
  else execFileSync(command, args, { stdio: 'ignore' });
}

/**
 * A test process killed hard (a crash, an abort during boot) cannot stop its server: the next one does, for servers whose
 * owner is gone. Only folders this helper created (with an owner file) are touched.
 */
function removeAbandonedServers(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const ownerFile = join(dir, OWNER_FILE);
    if (!existsSync(ownerFile)) continue;
    const owner = Number(readFileSync(ownerFile, 'utf8'));
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    try {
      if (existsSync(join(dir, 'data', 'postmaster.pid')))
        pgCtlSync(['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A PostgreSQL server of the test's own, in a temporary folder on a free port, so a fault test can stop and restart it
 * without touching the machine's shared server (other test files and other runs use that one concurrently).
 * initdb refuses to run as root: as root, the folder belongs to the `postgres` user and the binaries run as that user.
 */
export class PrivatePostgres {
  port = 0;
  private dir = '';
  private running = false;
  private readonly onExit = () => this.killSync();

  /** Connection URL of a database on this server (trust authentication, user postgres). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private async pg(binary: string, args: string[]): Promise<void> {
    const command = join(PG_BIN, binary);
    const asRoot = process.getuid?.() === 0;
    await run(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, {
      cwd: this.dir,
      timeout: 60_000,
    });
  }

  /** Creates the cluster (first call only) and starts the server; returns when it accepts connections. */
  async start(): Promise<void> {
    if (!this.dir) {
      removeAbandonedServers();
      this.dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
      writeFileSync(join(this.dir, OWNER_FILE), String(process.pid));
      if (process.getuid?.() === 0) {
        const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
        const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
        chownSync(this.dir, uid, gid);
      }
      await this.pg('initdb', [
        '-D',
        this.dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
      ]);
      this.port = await freePort();
      process.once('exit', this.onExit);
    }
    // The socket goes to the temp folder. fsync=off only gives up durability against an operating-system crash: a
    // committed transaction still survives the server's own crash (`immediate`), which is what the fault tests check.
    // Never synchronous_commit=off here: a crash would then lose commits the API already confirmed.
    const options = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c max_connections=50',
    ].join(' ');
    await this.pg('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'server.log'),
      '-o',
      options,
      '-w',
      '-t',
      '30',
      'start',
    ]);
    this.running = true;
  }

  /**
   * Stops the server. `fast` (the default) ends every session with "terminating connection due to administrator
   * command", as a restart or failover does; `immediate` is a crash (recovery on the next start).
   */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!this.running) return;
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
    this.running = false;
  }

  /** Stops the server and removes its folder. */
  async destroy(): Promise<void> {
    try {
      await this.stop('immediate');
    } finally {
      process.removeListener('exit', this.onExit);
      if (this.dir) rmSync(this.dir, { recursive: true, force: true });
      this.dir = '';
    }
  }

  /** Last resort when the test process exits without afterAll: never leave a server running. */
  private killSync(): void {
    if (!this.running || !this.dir) return;
    try {
      pgCtlSync(['-D', this.dataDir, '-m', 'immediate', 'stop']);
      rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // Nothing more to do while exiting.
    }
  }
}
