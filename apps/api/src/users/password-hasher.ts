import { Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '@portal/server';
import * as argon2 from 'argon2';
import { Semaphore } from '../common/semaphore';

/**
 * argon2id with the parameters of OWASP's Password Storage Cheat Sheet (m = 19 MiB, t = 2, p = 1). The library
 * defaults (64 MiB, t = 3, p = 4) cost an attacker more per guess but cost us four threads and 64 MiB per login: 50
 * logins at once took 14 s at p95 on a 2-core machine and stalled file I/O. OWASP lists these parameters as equivalent
 * in strength to its other argon2id configurations. WARNING: changing these makes every stored hash "old": it is replaced at the
 * person's next successful login (see needsRehash), never in bulk.
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * argon2id hashing and verification, stored as PHC strings. argon2 runs on libuv's thread pool, the pool that file
 * I/O (uploads, downloads, the static web app) uses too: at most PASSWORD_HASH_CONCURRENCY hashes run at once and the
 * others wait in line, so a login storm slows logins, not the rest of the portal (docs/adr/0009).
 */
@Injectable()
export class PasswordHasher {
  private readonly slots: Semaphore;
  /** Verified against when the e-mail is unknown, so a miss costs as much time as a wrong password. */
  private readonly decoy: Promise<string>;

  /** Without a configuration (the seed and CLI tools) it uses the default concurrency. */
  constructor(@Optional() config?: AppConfig) {
    this.slots = new Semaphore(config?.PASSWORD_HASH_CONCURRENCY ?? new AppConfig().PASSWORD_HASH_CONCURRENCY);
    this.decoy = this.hash('decoy-password-for-unknown-accounts');
  }

  hash(password: string): Promise<string> {
    return this.slots.run(() => argon2.hash(password, PASSWORD_HASH_OPTIONS));
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    const digest = hash ?? (await this.decoy);
    try {
      return await this.slots.run(() => argon2.verify(digest, password));
    } catch {
      return false;
    }
  }

  /** True when a stored hash was made with other parameters (or another variant) than the current ones. */
  needsRehash(hash: string): boolean {
    if (!hash.startsWith('$argon2id$')) return true;
    try {
      return argon2.needsRehash(hash, PASSWORD_HASH_OPTIONS);
    } catch {
      return true;
    }
  }

  /** How many hashes wait for a slot now (for logs and the benchmark). */
  get waiting(): number {
    return this.slots.waiting;
  }
}
