import type { Locale, Role } from '@portal/contracts';

/** Seeded and shown by `npm start`; the seed command refuses to run in production. */
export const DEMO_PASSWORD = 'Demo-Subsidie-2026';

export const DEMO_ACCOUNTS: Array<{ email: string; displayName: string; roles: Role[]; locale: Locale }> = [
  {
    email: 'aanvrager@demo.subsidieportaal.be',
    displayName: 'An Aanvrager (vzw De Brug)',
    roles: ['applicant'],
    locale: 'nl',
  },
  {
    email: 'admin@demo.subsidieportaal.be',
    displayName: 'Ann Administratie (Departement CJM)',
    roles: ['admin'],
    locale: 'nl',
  },
  { email: 'beoordelaar@demo.subsidieportaal.be', displayName: 'Bert Beoordelaar', roles: ['reviewer'], locale: 'nl' },
  {
    email: 'minister@demo.subsidieportaal.be',
    displayName: 'Kabinet van de minister',
    roles: ['minister'],
    locale: 'nl',
  },
];

/** The demo applicant's organisation (a fictitious vzw with a valid-format KBO number and IBAN). */
export const DEMO_APPLICANT = {
  kind: 'organisation' as const,
  legalName: 'vzw De Brug',
  enterpriseNumber: '0412345614',
  nisCode: null,
  policyDomains: ['Jeugd', 'Welzijn'],
  address: { street: 'Brabantdam 56', postalCode: '9000', city: 'Gent' },
  iban: 'BE68539007547034',
  contactName: 'An Aanvrager',
  contactEmail: 'aanvrager@demo.subsidieportaal.be',
  contactPhone: null,
};

/**
 * A fictitious local government the demo applicant also acts for, so the Plan Samenleven demo call can be tried
 * (NIS codes starting with 9 are not in use: this one is clearly not a real municipality).
 */
export const DEMO_LOCAL_GOVERNMENT = {
  kind: 'local_government' as const,
  legalName: 'Gemeente Demodorp',
  enterpriseNumber: null,
  nisCode: '99001',
  policyDomains: ['Integratie', 'Welzijn'],
  address: { street: 'Marktplein 1', postalCode: '9999', city: 'Demodorp' },
  iban: 'BE71096123456769',
  contactName: 'An Aanvrager',
  contactEmail: 'aanvrager@demo.subsidieportaal.be',
  contactPhone: null,
};
