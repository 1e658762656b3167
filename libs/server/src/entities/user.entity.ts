import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale, Role } from '@portal/contracts';

@Entity({ name: 'users' })
@Check(
  'users_roles_known',
  `roles <@ ARRAY['applicant','admin','reviewer','minister']::varchar[] AND cardinality(roles) > 0`,
)
@Check('users_locale_known', `locale IN ('nl','en')`)
@Check('users_email_lowercase', `email = lower(email)`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case so that the unique index treats addresses case-insensitively. */
  @Index('users_email_unique', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  /** argon2id PHC string; null for an account that only signs in through the identity service. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  /** When the person confirmed this address (a link sent to it, an invitation to it, or the identity service). */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ type: 'varchar', length: 20, array: true })
  roles: Role[];

  @Column({ type: 'varchar', length: 2, default: 'nl' })
  locale: Locale;

  /** Set by an admin: the account cannot log in and its sessions are refused; null when active. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
