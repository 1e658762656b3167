import type { ErrorDefinition } from './definition';

/** Catalogue calls (Plan Samenleven): subscriptions and allocation. WARNING: clients match on these codes; never rename one. */
export const CATALOGUE_ERRORS = {
  NOT_A_CATALOGUE_CALL: {
    status: 409,
    title: { nl: 'Geen catalogusoproep', en: 'Not a catalogue call' },
    detail: {
      nl: 'Dit kan alleen bij een catalogusoproep (zoals Plan Samenleven), waarop lokale besturen intekenen.',
      en: 'This is only possible on a catalogue call (such as Plan Samenleven), to which local governments subscribe.',
    },
  },
  CATALOGUE_INVALID: {
    status: 400,
    title: { nl: 'Catalogus ongeldig', en: 'Invalid catalogue' },
    detail: {
      nl: 'De catalogus (doelstellingen, acties, rijen met eenheid, maximum en bedrag per eenheid) is niet correct.',
      en: 'The catalogue (objectives, actions, rows with unit, maximum and amount per unit) is not correct.',
    },
  },
  SUBSCRIPTION_INVALID: {
    status: 400,
    title: { nl: 'Intekening niet in orde', en: 'Subscription not in order' },
    detail: {
      nl: 'De intekening voldoet niet aan de regels van de oproep: bekijk het gepland bereik, de prioriteiten en de eigen inbreng.',
      en: "The subscription does not meet the call's rules: check the planned reach, the priorities and the own contribution.",
    },
  },
  ALLOCATION_STATE: {
    status: 409,
    title: { nl: 'Niet mogelijk in deze fase', en: 'Not possible at this stage' },
    detail: {
      nl: 'De verdeling van het budget is in de fase "{status}"; deze stap kan nu niet.',
      en: 'The budget allocation is "{status}"; this step is not possible now.',
    },
  },
  NO_SUBSCRIPTIONS: {
    status: 409,
    title: { nl: 'Geen intekeningen', en: 'No subscriptions' },
    detail: {
      nl: 'Er is nog geen ingediende intekening om het budget over te verdelen.',
      en: 'There is no submitted subscription yet to share the budget over.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
