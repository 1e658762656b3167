import type { ErrorDefinition } from './definition';

/** Review panels, external experts and the conflict statement (ADR 0013). WARNING: clients match on these codes; never rename one. */
export const PANEL_ERRORS = {
  PANEL_TOO_SMALL: {
    status: 409,
    title: { nl: 'Panel te klein', en: 'Panel too small' },
    detail: {
      nl: 'Het beoordelingspanel van deze oproep telt {available} beschikbare beoordelaar(s) zonder belangenconflict voor dossier {reference}, maar elk dossier vraagt er {needed}. Voeg beoordelaars toe aan het panel of verlaag het aantal per dossier.',
      en: "The call's review panel has {available} available reviewer(s) without a conflict of interest for dossier {reference}, but each dossier needs {needed}. Add reviewers to the panel or lower the number per dossier.",
    },
  },
  REVIEWER_NOT_IN_PANEL: {
    status: 409,
    title: { nl: 'Niet in het panel', en: 'Not on the panel' },
    detail: {
      nl: 'Deze beoordelaar maakt geen deel uit van het beoordelingspanel van deze oproep.',
      en: "This reviewer is not on the call's review panel.",
    },
  },
  REVIEWER_CONFLICTED: {
    status: 409,
    title: { nl: 'Belangenconflict', en: 'Conflict of interest' },
    detail: {
      nl: 'Deze beoordelaar heeft een belangenconflict voor dit dossier (gemeld, of lid van de aanvrager).',
      en: 'This reviewer has a conflict of interest for this dossier (declared, or a member of the applicant).',
    },
  },
  PANEL_MEMBER_NOT_REVIEWER: {
    status: 409,
    title: { nl: 'Geen actieve beoordelaar', en: 'Not an active reviewer' },
    detail: {
      nl: 'Alleen actieve personeelsleden met de rol beoordelaar kunnen aan een panel toegevoegd worden; externe experts nodigt u per oproep uit.',
      en: 'Only active staff members with the reviewer role can join a panel; external experts are invited per call.',
    },
  },
  PANEL_MEMBER_HAS_OPEN_REVIEWS: {
    status: 409,
    title: { nl: 'Beoordelingen staan open', en: 'Reviews still open' },
    detail: {
      nl: 'Deze beoordelaar heeft nog {open} openstaande beoordeling(en) in deze oproep en kan het panel niet verlaten.',
      en: 'This reviewer still has {open} open review(s) in this call and cannot leave the panel.',
    },
  },
  PANEL_CLOSED: {
    status: 409,
    title: { nl: 'Panel afgesloten', en: 'Panel closed' },
    detail: {
      nl: 'Het beoordelingspanel kan niet meer wijzigen: het selectievoorstel ligt bij de minister of de oproep is beslist.',
      en: 'The review panel can no longer change: the selection proposal is with the minister or the call is decided.',
    },
  },
  EXPERT_ACCOUNT_EXISTS: {
    status: 409,
    title: { nl: 'Account bestaat al', en: 'Account already exists' },
    detail: {
      nl: 'Er bestaat al een account met dit e-mailadres. Een personeelslid voegt u rechtstreeks toe aan het panel; een externe expert krijgt een eigen account per oproep.',
      en: 'An account with this e-mail address already exists. Add a staff member to the panel directly; an external expert gets an account of their own per call.',
    },
  },
  EXPERT_ACCESS_ENDED: {
    status: 403,
    title: { nl: 'Toegang afgelopen', en: 'Access ended' },
    detail: {
      nl: 'Uw toegang als externe expert is afgelopen: de beoordeling van de oproep is afgerond.',
      en: "Your access as an external expert has ended: the call's assessment is over.",
    },
  },
  CONFLICT_STATEMENT_REQUIRED: {
    status: 409,
    title: { nl: 'Verklaring belangenconflict ontbreekt', en: 'Conflict statement missing' },
    detail: {
      nl: 'Verklaar eerst dat u geen belangenconflict hebt met de aanvrager (of meld er een) voor u scores geeft.',
      en: 'First state that you have no conflict of interest with the applicant (or declare one) before scoring.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
