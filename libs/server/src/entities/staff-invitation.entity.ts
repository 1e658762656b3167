import { EmailedInvitation } from './emailed-invitation';
import { Check, Column, Entity, Index } from 'typeorm';
import type { StaffRole } from '@portal/contracts';

/** An admin invites a staff member by e-mail with roles; only the token's SHA-256 is stored. */
@Entity({ name: 'staff_invitations' })
@Check(
  'staff_invitations_roles_known',
  `roles <@ ARRAY['admin','reviewer','minister']::varchar[] AND cardinality(roles) > 0`,
)
export class StaffInvitationEntity extends EmailedInvitation {
  @Column({ type: 'varchar', length: 20, array: true })
  roles: StaffRole[];

  @Index('staff_invitations_token_hash_unique', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;
}
