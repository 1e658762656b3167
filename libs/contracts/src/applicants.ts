import type { ApplicantKind } from './calls';

export interface Address {
  street: string;
  postalCode: string;
  city: string;
}

export interface RegisterApplicantInput {
  kind: ApplicantKind;
  legalName: string;
  /** Organisations: KBO number, any usual notation (0123.456.789, BE0123456789). */
  enterpriseNumber?: string;
  /** Local governments: 5-digit NIS code. */
  nisCode?: string;
  policyDomains: string[];
  address: Address;
  iban: string;
  contactName: string;
  contactEmail: string;
  contactPhone?: string;
}

export type ApplicantMemberRole = 'admin' | 'member';

export interface ApplicantView {
  id: string;
  kind: ApplicantKind;
  legalName: string;
  enterpriseNumber: string | null;
  nisCode: string | null;
  policyDomains: string[];
  address: Address;
  iban: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  myRole: ApplicantMemberRole;
}
