import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4), stored as a PHC string. */
@Injectable()
export class PasswordHasher {
  /** Verified against when the e-mail is unknown, so a miss costs as much time as a wrong password. */
  private readonly decoy = argon2.hash('decoy-password-for-unknown-accounts', { type: argon2.argon2id });

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
