import { EmailedInvitation } from './emailed-invitation';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CallEntity } from './call.entity';
import type { StaffRole } from '@portal/contracts';

/**
 * An admin invites a staff member by e-mail with roles; only the token's SHA-256 is stored. With `call_id`: an
 * external expert invited to that call's review panel only (role reviewer, ADR 0013).
 */
@Entity({ name: 'staff_invitations' })
@Check(
  'staff_invitations_roles_known',
  `roles <@ ARRAY['admin','reviewer','minister']::varchar[] AND cardinality(roles) > 0`,
)
@Check('staff_invitations_expert_reviewer_only', `call_id IS NULL OR roles = ARRAY['reviewer']::varchar[]`)
export class StaffInvitationEntity extends EmailedInvitation {
  @Column({ name: 'call_id', type: 'uuid', nullable: true })
  callId: string | null;

  @ManyToOne(() => CallEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'staff_invitations_call_fk' })
  call?: CallEntity;

  @Column({ type: 'varchar', length: 20, array: true })
  roles: StaffRole[];

  @Index('staff_invitations_token_hash_unique', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;
}
