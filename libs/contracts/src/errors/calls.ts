import type { ErrorDefinition } from './definition';

/** Calls for proposals. WARNING: clients match on these codes; never rename one. */
export const CALLS_ERRORS = {
  CALL_INVALID: {
    status: 422,
    title: { nl: 'Oproep niet geldig', en: 'Call not valid' },
    detail: { nl: 'De oproep kan zo niet gepubliceerd worden.', en: 'The call cannot be published like this.' },
  },
  CALL_CODE_TAKEN: {
    status: 409,
    title: { nl: 'Code al in gebruik', en: 'Code already in use' },
    detail: { nl: 'Er bestaat al een oproep met code {code}.', en: 'A call with code {code} already exists.' },
  },
  CALL_CHANGE_HURTS_APPLICANTS: {
    status: 409,
    title: { nl: 'Wijziging niet toegelaten', en: 'Change not allowed' },
    detail: {
      nl: 'Er zijn al dossiers voor deze oproep; deze wijziging zou aanvragers benadelen.',
      en: 'Dossiers already exist for this call; this change would hurt applicants.',
    },
  },
  CALL_NOT_OPEN: {
    status: 409,
    title: { nl: 'Oproep niet open', en: 'Call not open' },
    detail: { nl: 'Deze oproep is (nog) niet open voor aanvragen.', en: 'This call is not open for applications.' },
  },
} as const satisfies Record<string, ErrorDefinition>;
