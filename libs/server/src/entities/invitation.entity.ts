import { EmailedInvitation } from './emailed-invitation';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ApplicantEntity } from './applicant.entity';

/** An applicant's admin invites a colleague by e-mail; only the token's SHA-256 is stored. */
@Entity({ name: 'invitations' })
export class InvitationEntity extends EmailedInvitation {
  @Index('invitations_applicant_idx')
  @Column({ name: 'applicant_id', type: 'uuid' })
  applicantId: string;

  @ManyToOne(() => ApplicantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'invitations_applicant_fk' })
  applicant?: ApplicantEntity;

  @Index('invitations_token_hash_unique', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;
}
