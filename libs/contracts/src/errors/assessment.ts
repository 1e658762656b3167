import type { ErrorDefinition } from './definition';

/** Admissibility, reviews, ranking, proposal, decision and reserve list. WARNING: clients match on these codes; never rename one. */
export const ASSESSMENT_ERRORS = {
  CALL_STILL_OPEN: {
    status: 409,
    title: { nl: 'Oproep nog open', en: 'Call still open' },
    detail: {
      nl: 'De beoordeling begint pas na de deadline van de oproep.',
      en: 'The assessment starts only after the call deadline.',
    },
  },
  NOT_ADMISSIBLE: {
    status: 409,
    title: { nl: 'Niet ontvankelijk', en: 'Not admissible' },
    detail: {
      nl: 'Dit dossier is (nog) niet ontvankelijk verklaard.',
      en: 'This dossier has not been declared admissible.',
    },
  },
  SCORE_INVALID: {
    status: 422,
    title: { nl: 'Ongeldige score', en: 'Invalid score' },
    detail: {
      nl: 'Een score ligt buiten de schaal van het criterium of is geen veelvoud van een halve punt.',
      en: "A score lies outside the criterion's scale or is not a multiple of half a point.",
    },
  },
  COMMENT_REQUIRED: {
    status: 422,
    title: { nl: 'Toelichting vereist', en: 'Comment required' },
    detail: {
      nl: 'Een score onder de drempel van een criterium vraagt een toelichting.',
      en: "A score below a criterion's threshold needs a comment.",
    },
  },
  REVIEW_ALREADY_SUBMITTED: {
    status: 409,
    title: { nl: 'Beoordeling al ingediend', en: 'Review already submitted' },
    detail: {
      nl: 'Deze beoordeling is al ingediend en kan niet meer wijzigen.',
      en: 'This review was submitted and can no longer change.',
    },
  },
  NO_REVIEWER_AVAILABLE: {
    status: 409,
    title: { nl: 'Geen beoordelaar beschikbaar', en: 'No reviewer available' },
    detail: {
      nl: 'Er is geen beoordelaar meer beschikbaar zonder belangenconflict voor dit dossier.',
      en: 'No reviewer without a conflict of interest is left for this dossier.',
    },
  },
  PROPOSAL_STATE: {
    status: 409,
    title: { nl: 'Niet mogelijk in deze fase', en: 'Not possible at this stage' },
    detail: {
      nl: 'Het selectievoorstel is in de fase "{status}"; deze stap kan nu niet.',
      en: 'The selection proposal is "{status}"; this step is not possible now.',
    },
  },
  BUDGET_EXCEEDED: {
    status: 409,
    title: { nl: 'Budget overschreden', en: 'Budget exceeded' },
    detail: {
      nl: 'De toegekende bedragen ({granted}) overschrijden het budget ({budget}). De beslissing is niet genomen.',
      en: 'The granted amounts ({granted}) exceed the budget ({budget}). The decision was not taken.',
    },
  },
  RANKING_NOT_READY: {
    status: 409,
    title: { nl: 'Rangschikking niet klaar', en: 'Ranking not ready' },
    detail: {
      nl: 'Nog niet alle ontvankelijke dossiers hebben een score op elk criterium.',
      en: 'Not every admissible dossier has a score on every criterion yet.',
    },
  },
  NOT_AWARDED: {
    status: 409,
    title: { nl: 'Geen toegekende subsidie', en: 'No subsidy awarded' },
    detail: {
      nl: 'Voor dit dossier is geen subsidie toegekend (status "{status}"); afzien ervan kan dus niet.',
      en: 'No subsidy was awarded for this dossier (status "{status}"), so it cannot be declined.',
    },
  },
  DECISION_PENDING: {
    status: 409,
    title: { nl: 'Nog geen beslissing', en: 'No decision yet' },
    detail: {
      nl: 'Over dit dossier is nog geen beslissing genomen; de beslissingsbrief volgt daarna.',
      en: 'No decision has been taken on this dossier yet; the decision letter follows.',
    },
  },
  RESERVE_NOT_AVAILABLE: {
    status: 409,
    title: { nl: 'Geen reservelijst', en: 'No reserve list' },
    detail: {
      nl: 'Dit dossier staat niet (meer) op de reservelijst van een goedgekeurd selectievoorstel.',
      en: 'This dossier is not (or no longer) on the reserve list of an approved selection proposal.',
    },
  },
  RESERVE_NOT_NEXT: {
    status: 409,
    title: { nl: 'Niet de volgende in de reserve', en: 'Not next on the reserve list' },
    detail: {
      nl: 'Volgens de reservelijst komt eerst dossier {next} in aanmerking.',
      en: 'According to the reserve list, dossier {next} comes first.',
    },
  },
  RESERVE_DOES_NOT_FIT: {
    status: 409,
    title: { nl: 'Past niet in het budget', en: 'Does not fit the budget' },
    detail: {
      nl: 'Het bedrag ({amount}) past niet in wat er over is ({remaining}).',
      en: 'The amount ({amount}) does not fit in what is left ({remaining}).',
    },
  },
  PROMOTION_STATE: {
    status: 409,
    title: { nl: 'Niet mogelijk in deze fase', en: 'Not possible at this stage' },
    detail: {
      nl: 'Dit voorstel uit de reservelijst is al behandeld of er loopt al een ander voorstel ("{status}").',
      en: 'This reserve promotion was already handled or another one is open ("{status}").',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
