import type { ErrorDefinition } from './definition';

/** Reports and change requests after the award (ADR 0024). WARNING: clients match on these codes; never rename one. */
export const REPORT_ERRORS = {
  REPORTS_NOT_CONFIGURED: {
    status: 409,
    title: { nl: 'Geen rapportering ingesteld', en: 'No reporting set up' },
    detail: {
      nl: 'De administratie heeft voor deze oproep nog geen rapportering ingesteld (uiterste datums, indicatoren).',
      en: 'The administration has not set up reporting for this call yet (due dates, indicators).',
    },
  },
  AWARDED_DOSSIERS_ONLY: {
    status: 409,
    title: { nl: 'Alleen voor toegekende dossiers', en: 'Awarded dossiers only' },
    detail: {
      nl: 'Rapporten en wijzigingen na de toekenning horen bij een dossier met een toegekende subsidie; dit dossier heeft status "{status}".',
      en: 'Reports and changes after the award belong to a dossier with an awarded subsidy; this dossier has status "{status}".',
    },
  },
  REPORT_KIND_NOT_ASKED: {
    status: 404,
    title: { nl: 'Rapport niet gevraagd', en: 'Report not asked' },
    detail: {
      nl: 'Voor deze oproep wordt geen tussentijds rapport gevraagd.',
      en: 'This call does not ask for an interim report.',
    },
  },
  REPORT_NOT_EDITABLE: {
    status: 409,
    title: { nl: 'Rapport niet meer te wijzigen', en: 'Report can no longer change' },
    detail: {
      nl: 'Dit rapport is ingediend (status "{status}") en kan pas weer wijzigen als de administratie om aanpassingen vraagt.',
      en: 'This report has been submitted (status "{status}") and can only change again when the administration asks for changes.',
    },
  },
  REPORT_INCOMPLETE: {
    status: 400,
    title: { nl: 'Rapport onvolledig', en: 'Report incomplete' },
    detail: {
      nl: 'Het rapport kan nog niet ingediend worden: vul de aangeduide velden aan.',
      en: 'The report cannot be submitted yet: complete the fields indicated.',
    },
  },
  REPORT_NOT_SUBMITTED: {
    status: 409,
    title: { nl: 'Rapport niet ter beoordeling', en: 'Report not awaiting review' },
    detail: {
      nl: 'Dit rapport wacht niet (meer) op een beslissing (status "{status}"); misschien besliste een collega net.',
      en: 'This report is not (or no longer) awaiting a decision (status "{status}"); a colleague may just have decided.',
    },
  },
  ACCEPTED_COSTS_INVALID: {
    status: 400,
    title: { nl: 'Aanvaarde kosten ongeldig', en: 'Accepted costs invalid' },
    detail: {
      nl: 'De aanvaarde kosten moeten per kostenlijn (evenveel als in het rapport) of als totaal gegeven worden, niet beide, en niet meer dan gerapporteerd.',
      en: 'Accepted costs are given per cost line (as many as in the report) or as a total, not both, and never more than reported.',
    },
  },
  CHANGE_REQUEST_DECIDED: {
    status: 409,
    title: { nl: 'Al beslist', en: 'Already decided' },
    detail: {
      nl: 'Over deze wijzigingsaanvraag is al beslist (status "{status}"); misschien besliste een collega net.',
      en: 'This change request has already been decided (status "{status}"); a colleague may just have decided.',
    },
  },
  GRANT_INCREASE_REFUSED: {
    status: 409,
    title: { nl: 'Geen verhoging mogelijk', en: 'No increase possible' },
    detail: {
      nl: 'Een wijziging na de toekenning kan het toegekende bedrag nooit verhogen.',
      en: 'A change after the award can never raise the granted amount.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
