import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailVerificationEntity } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Links that confirm an e-mail address (only the token's SHA-256 is stored). At most one link of a person is usable
 * at a time: issuing a link or confirming the address ends every earlier one (`used_at` set, so the retention job
 * purges it like a used one).
 */
@Injectable()
export class EmailVerificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Ends every usable link of the person; returns how many were. */
  async revokeAllOfUser(userId: string, manager: EntityManager): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(EmailVerificationEntity)
      .set({ usedAt: () => 'now()' })
      .where('user_id = :userId AND used_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * Ends the person's earlier links and stores a new one for `email`, expiring `hours` from now by the database clock.
   * The caller holds the person's row lock, so two requests at once still leave one usable link.
   */
  async issue(
    userId: string,
    email: string,
    tokenHash: string,
    hours: number,
    manager: EntityManager,
  ): Promise<{ id: string; expiresAt: Date; linksEnded: number }> {
    const linksEnded = await this.revokeAllOfUser(userId, manager);
    const [row] = await manager.query<Array<{ id: string; expires_at: Date }>>(
      `INSERT INTO email_verifications (user_id, email, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4))
       RETURNING id, expires_at`,
      [userId, email, tokenHash, hours],
    );
    return { id: row.id, expiresAt: row.expires_at, linksEnded };
  }

  /** The usable (unused, unexpired) link with this hash, locked until the transaction ends; null otherwise. */
  findUsableForUpdate(tokenHash: string, manager: EntityManager): Promise<EmailVerificationEntity | null> {
    return manager
      .createQueryBuilder(EmailVerificationEntity, 'v')
      .where('v.token_hash = :hash AND v.used_at IS NULL AND v.expires_at > now()', { hash: tokenHash })
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * Marks the address confirmed now (by the database clock) if it is still the person's address and not confirmed
   * yet; returns the moment stored, or null when nothing changed.
   */
  async confirmAddress(userId: string, email: string, manager: EntityManager): Promise<Date | null> {
    // pg answers [rows, affected] for an UPDATE through query().
    const [rows] = await manager.query<[Array<{ email_verified_at: Date }>, number]>(
      `UPDATE users SET email_verified_at = now()
        WHERE id = $1 AND email = $2 AND email_verified_at IS NULL
        RETURNING email_verified_at`,
      [userId, email],
    );
    return rows[0]?.email_verified_at ?? null;
  }
}
