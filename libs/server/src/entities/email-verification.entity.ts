import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A single-use, expiring link that confirms an account's e-mail address; only the token's SHA-256 is stored. It
 * confirms the address it was sent to (`email`), so a link to an address the account no longer has confirms nothing.
 * Issuing a new link ends every earlier one (`used_at` set).
 */
@Entity({ name: 'email_verifications' })
export class EmailVerificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'email_verifications_user_fk' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Index('email_verifications_token_hash_unique', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
