import type { ErrorDefinition } from './definition';

/** The call's lifecycle (ADR 0009): refusals of the phase table and of the database's triggers. WARNING: clients match on these codes; never rename one. */
export const LIFECYCLE_ERRORS = {
  CALL_DECIDED: {
    status: 409,
    title: { nl: 'Oproep beslist', en: 'Call decided' },
    detail: {
      nl: 'De minister heeft over deze oproep beslist; wat de beslissing bepaalde, kan niet meer wijzigen.',
      en: 'The minister decided on this call; what the decision was based on can no longer change.',
    },
  },
  CALL_PHASE_FORBIDS: {
    status: 409,
    title: { nl: 'Niet mogelijk in deze fase', en: 'Not possible in this phase' },
    detail: {
      nl: 'De oproep is in de fase "{phase}"; deze handeling ({act}) kan nu niet.',
      en: 'The call is in the phase "{phase}"; this act ({act}) is not possible now.',
    },
  },
  PROPOSAL_STALE: {
    status: 409,
    title: { nl: 'Voorstel verouderd', en: 'Proposal out of date' },
    detail: {
      nl: 'Budget, criteria, beoordelingen of consensus zijn gewijzigd sinds dit voorstel berekend werd. Bereken het opnieuw.',
      en: 'The budget, criteria, reviews or consensus changed since this proposal was computed. Compute it again.',
    },
  },
  REVIEWS_OPEN: {
    status: 409,
    title: { nl: 'Beoordelingen open', en: 'Reviews still open' },
    detail: {
      nl: 'Er staan nog {count} toegewezen beoordelingen open; het voorstel kan pas daarna naar de minister.',
      en: '{count} assigned reviews are still open; the proposal can go to the minister only after them.',
    },
  },
  BUDGET_BELOW_AWARDED: {
    status: 409,
    title: { nl: 'Budget lager dan toegekend', en: 'Budget below awarded' },
    detail: {
      nl: 'Het budget kan niet lager worden dan wat al toegekend is.',
      en: 'The budget cannot become lower than what is already awarded.',
    },
  },
  DECISION_NOT_APPROVED: {
    status: 409,
    title: { nl: 'Geen goedgekeurde beslissing', en: 'No approved decision' },
    detail: {
      nl: 'Een dossier krijgt enkel de uitkomst en het bedrag die de minister goedkeurde.',
      en: 'A dossier only receives the outcome and amount the minister approved.',
    },
  },
  DOSSIER_TRANSITION_FORBIDDEN: {
    status: 409,
    title: { nl: 'Statuswijziging niet toegelaten', en: 'Status change not allowed' },
    detail: {
      nl: 'Deze statuswijziging van het dossier is niet toegelaten.',
      en: 'This status change of the dossier is not allowed.',
    },
  },
  SUBMISSION_IMMUTABLE: {
    status: 409,
    title: { nl: 'Ingediende versie onveranderlijk', en: 'Submitted version immutable' },
    detail: {
      nl: 'Een ingediende versie van een dossier wordt nooit gewijzigd of verwijderd.',
      en: 'A submitted version of a dossier is never changed or removed.',
    },
  },
  REVIEW_CONFLICT_DECLARED: {
    status: 409,
    title: { nl: 'Belangenconflict gemeld', en: 'Conflict of interest declared' },
    detail: {
      nl: 'Voor deze toewijzing is een belangenconflict gemeld; ze is afgesloten.',
      en: 'A conflict of interest was declared for this assignment; it is closed.',
    },
  },
  REVIEW_TRANSITION_FORBIDDEN: {
    status: 409,
    title: { nl: 'Wijziging niet toegelaten', en: 'Change not allowed' },
    detail: {
      nl: 'Een toewijzing wordt ingediend of afgesloten met een belangenconflict, en blijft dan zo.',
      en: 'An assignment is submitted or closed with a conflict of interest, and stays so.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
