import type { ErrorDefinition } from './definition';

/** After the decision: acceptance, payment schedules and payment batches (ADR 0023). WARNING: clients match on these codes; never rename one. */
export const FUNDING_ERRORS = {
  ACCEPTANCE_EXISTS: {
    status: 409,
    title: { nl: 'Al beantwoord', en: 'Already answered' },
    detail: {
      nl: 'Uw organisatie heeft de beslissing voor dit dossier al aanvaard of geweigerd.',
      en: 'Your organisation already accepted or declined the decision for this dossier.',
    },
  },
  CONDITIONS_CHANGED: {
    status: 409,
    title: { nl: 'Voorwaarden gewijzigd', en: 'Conditions changed' },
    detail: {
      nl: 'De voorwaarden die je las, zijn niet meer de geldende. Lees ze opnieuw en bevestig dan.',
      en: 'The conditions you read are no longer the ones that apply. Read them again, then confirm.',
    },
  },
  SCHEDULE_INVALID: {
    status: 422,
    title: { nl: 'Ongeldig betalingsschema', en: 'Invalid payment schedule' },
    detail: {
      nl: 'Het betalingsschema klopt niet: 1 tot 6 schijven, elk tussen 0,01 % en 100 % met een gekende aanleiding, samen precies 100 %.',
      en: 'The payment schedule is not right: 1 to 6 tranches, each between 0.01% and 100% with a known trigger, together exactly 100%.',
    },
  },
  SCHEDULE_LOCKED: {
    status: 409,
    title: { nl: 'Schema vastgelegd', en: 'Schedule fixed' },
    detail: {
      nl: 'Voor deze oproep is al een betaling goedgekeurd; het betalingsschema kan niet meer wijzigen.',
      en: 'A payment of this call was already approved; its payment schedule can no longer change.',
    },
  },
  NOTHING_DUE: {
    status: 409,
    title: { nl: 'Niets te betalen', en: 'Nothing due' },
    detail: {
      nl: 'Er zijn geen schijven verschuldigd die nog niet betaald of in een open betaalbatch opgenomen zijn.',
      en: 'No tranches are due that are not yet paid or in an open payment batch.',
    },
  },
  BATCH_NOT_OPEN: {
    status: 409,
    title: { nl: 'Batch niet open', en: 'Batch not open' },
    detail: {
      nl: 'Deze betaalbatch is {status}; dat kan nu niet.',
      en: 'This payment batch is {status}; that is not possible now.',
    },
  },
  BATCH_NOT_APPROVED: {
    status: 409,
    title: { nl: 'Batch niet goedgekeurd', en: 'Batch not approved' },
    detail: {
      nl: 'Deze betaalbatch is {status}: alleen een goedgekeurde batch wordt uitgevoerd of als betaald gemarkeerd.',
      en: 'This payment batch is {status}: only an approved batch is exported or marked paid.',
    },
  },
  FOUR_EYES: {
    status: 409,
    title: { nl: 'Vier-ogenprincipe', en: 'Four-eyes principle' },
    detail: {
      nl: 'Wie een betaalbatch samenstelde, kan ze niet zelf goedkeuren: een tweede beheerder keurt ze goed.',
      en: 'Whoever compiled a payment batch cannot approve it: a second administrator does.',
    },
  },
  PAYMENT_ABOVE_GRANTED: {
    status: 409,
    title: { nl: 'Meer dan toegekend', en: 'More than granted' },
    detail: {
      nl: 'Deze betaling brengt een dossier boven zijn toegekend bedrag ({grantedEuro}).',
      en: 'This payment would take a dossier above its granted amount ({grantedEuro}).',
    },
  },
  PAYMENT_ABOVE_BUDGET: {
    status: 409,
    title: { nl: 'Meer dan het budget', en: 'More than the budget' },
    detail: {
      nl: 'Deze betaling brengt de oproep boven haar budget ({budgetEuro}).',
      en: 'This payment would take the call above its budget ({budgetEuro}).',
    },
  },
  TRANCHE_ALREADY_PAID: {
    status: 409,
    title: { nl: 'Schijf al betaald', en: 'Tranche already paid' },
    detail: {
      nl: 'Een schijf in deze batch is al goedgekeurd in een andere batch. Annuleer deze batch en stel een nieuwe samen.',
      en: 'A tranche in this batch was already approved in another batch. Cancel this batch and compile a new one.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
