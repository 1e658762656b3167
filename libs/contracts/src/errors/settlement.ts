import type { ErrorDefinition } from './definition';

/** The settlement after the final report and recovery (ADR 0025). WARNING: clients match on these codes; never rename one. */
export const SETTLEMENT_ERRORS = {
  PAYMENT_ABOVE_ENTITLED: {
    status: 409,
    title: { nl: 'Meer dan het saldo toelaat', en: 'More than the settlement allows' },
    detail: {
      nl: 'Dit dossier is afgerekend: deze betaling brengt het boven het bedrag waar het recht op heeft ({entitledEuro}).',
      en: 'This dossier is settled: this payment would take it above the amount it is entitled to ({entitledEuro}).',
    },
  },
  RECOVERY_ABOVE_OPEN: {
    status: 409,
    title: { nl: 'Meer dan het openstaande bedrag', en: 'More than the open amount' },
    detail: {
      nl: 'Deze terugbetaling is groter dan wat nog openstaat ({openEuro}).',
      en: 'This repayment is more than what is still open ({openEuro}).',
    },
  },
  NO_RECOVERY: {
    status: 409,
    title: { nl: 'Geen terugvordering', en: 'No recovery' },
    detail: {
      nl: 'Voor dit dossier loopt geen terugvordering: er is dus ook geen brief.',
      en: 'This dossier has no recovery, so there is no letter either.',
    },
  },
  RECOVERY_CLOSED: {
    status: 409,
    title: { nl: 'Terugvordering afgesloten', en: 'Recovery closed' },
    detail: {
      nl: 'Deze terugvordering is volledig terugbetaald; er kan niets meer bij.',
      en: 'This recovery is fully repaid; nothing more can be recorded.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
