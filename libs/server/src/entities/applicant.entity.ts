import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Address, ApplicantKind, ApplicantVerificationStatus } from '@portal/contracts';

@Entity({ name: 'applicants' })
@Check(
  'applicants_identifier_by_kind',
  `(kind = 'organisation' AND enterprise_number IS NOT NULL AND nis_code IS NULL) OR (kind = 'local_government' AND nis_code IS NOT NULL)`,
)
@Check('applicants_enterprise_number_format', `enterprise_number ~ '^[01][0-9]{9}$'`)
@Check('applicants_verification_status_known', `verification_status IN ('to_verify','verified','rejected')`)
@Check('applicants_verification_decided', `(verification_status = 'to_verify') = (verified_at IS NULL)`)
@Check('applicants_nis_code_format', `nis_code ~ '^[0-9]{5}$'`)
export class ApplicantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 30 })
  kind: ApplicantKind;

  @Column({ name: 'legal_name', type: 'varchar', length: 300 })
  legalName: string;

  /** KBO number, 10 digits without dots; unique across the portal. */
  @Index('applicants_enterprise_number_unique', { unique: true })
  @Column({ name: 'enterprise_number', type: 'char', length: 10, nullable: true })
  enterpriseNumber: string | null;

  @Index('applicants_nis_code_unique', { unique: true })
  @Column({ name: 'nis_code', type: 'char', length: 5, nullable: true })
  nisCode: string | null;

  @Column({ name: 'policy_domains', type: 'varchar', length: 60, array: true, default: () => "'{}'" })
  policyDomains: string[];

  @Column({ type: 'jsonb' })
  address: Address;

  @Column({ type: 'varchar', length: 34 })
  iban: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 200 })
  contactName: string;

  @Column({ name: 'contact_email', type: 'varchar', length: 254 })
  contactEmail: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  /** Whether the administration (or the identity service) confirmed that this claim to the number is genuine. */
  @Column({ name: 'verification_status', type: 'varchar', length: 20, default: 'to_verify' })
  verificationStatus: ApplicantVerificationStatus;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  /** The admin who decided; null when the identity service vouched for the number. */
  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy: string | null;

  @Column({ name: 'verification_motivation', type: 'varchar', length: 2000, nullable: true })
  verificationMotivation: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
