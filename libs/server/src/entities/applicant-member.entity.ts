import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ApplicantMemberRole } from '@portal/contracts';
import { ApplicantEntity } from './applicant.entity';
import { UserEntity } from './user.entity';

/** A person acting for an applicant; a person can act for several applicants. */
@Entity({ name: 'applicant_members' })
@Check('applicant_members_role_known', `role IN ('admin','member')`)
export class ApplicantMemberEntity {
  @PrimaryColumn({ name: 'applicant_id', type: 'uuid' })
  applicantId: string;

  @Index('applicant_members_user_idx')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => ApplicantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'applicant_members_applicant_fk' })
  applicant?: ApplicantEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'applicant_members_user_fk' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 10 })
  role: ApplicantMemberRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
