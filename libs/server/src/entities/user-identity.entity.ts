import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A person as the identity service (OpenID Connect) knows them, linked to one portal account: the issuer and the
 * subject identify them for good (an e-mail address can change hands; the subject cannot). One account may have
 * identities at several issuers; one identity belongs to one account (unique index).
 */
@Entity({ name: 'user_identities' })
@Index('user_identities_issuer_subject_unique', ['issuer', 'subject'], { unique: true })
export class UserIdentityEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'user_identities_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 500 })
  issuer: string;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @Index('user_identities_user_id_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_identities_user_id_fk' })
  user?: UserEntity;

  /** The e-mail address the identity service gave at the last sign-in. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /**
   * Enterprise numbers (KBO, 10 digits) the identity service said at the last sign-in this person may represent.
   * Numbers of organisations not (yet) in the portal are remembered here; they are linked at a later sign-in.
   */
  @Column({ type: 'varchar', length: 10, array: true, default: () => "'{}'" })
  represents: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', default: () => 'now()' })
  lastLoginAt: Date;
}
