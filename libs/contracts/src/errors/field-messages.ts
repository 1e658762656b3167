import type { Locale } from '../roles';

type Text = Record<Locale, string>;

/**
 * The messages of field-level problems that services raise themselves (the validation pipe's are VALIDATION_MESSAGES):
 * every Dutch and English text a person reads next to a field lives here, not in the services.
 */
export const FIELD_MESSAGES = {
  emailTaken: (): Text => ({ nl: 'Al in gebruik.', en: 'Already in use.' }),
  applicantNumberTaken: (): Text => ({
    nl: 'Al geregistreerd: vraag de beheerder ervan om een uitnodiging, of neem contact op met de administratie.',
    en: 'Already registered: ask its administrator for an invitation, or contact the administration.',
  }),
  motivationRequired: (): Text => ({
    nl: 'Geef een motivering voor een weigering.',
    en: 'Give a motivation for a rejection.',
  }),
  currentPasswordInvalid: (): Text => ({
    nl: 'Dit is niet uw huidige wachtwoord.',
    en: 'This is not your current password.',
  }),
  passwordTooShort: (min: number): Text => ({ nl: `Minstens ${min} tekens.`, en: `At least ${min} characters.` }),
  passwordTooLong: (max: number): Text => ({ nl: `Hoogstens ${max} tekens.`, en: `At most ${max} characters.` }),
  passwordBreached: (): Text => ({
    nl: 'Dit wachtwoord is te bekend (het staat in een lijst van gelekte wachtwoorden).',
    en: 'This password is too common (it is on a list of leaked passwords).',
  }),
  idempotencyKey: (): Text => ({
    nl: 'Idempotency-Key: 8 tot 100 letters, cijfers, - of _.',
    en: 'Idempotency-Key: 8 to 100 letters, digits, - or _.',
  }),
  unknownAttachmentKind: (): Text => ({ nl: 'Onbekend soort bijlage.', en: 'Unknown kind of attachment.' }),
  fileRequired: (): Text => ({ nl: 'Kies een bestand.', en: 'Choose a file.' }),
  invalidMoment: (field: string): Text => ({
    nl: `${field} moet een geldig tijdstip zijn (JJJJ-MM-DDTuu:mm in Brusselse tijd, of ISO 8601 met tijdzone).`,
    en: `${field} must be a valid moment (YYYY-MM-DDTHH:mm in Brussels time, or ISO 8601 with an offset).`,
  }),
  catalogueFrozen: (): Text => ({
    nl: 'Er bestaan al intekeningen: de catalogus kan niet meer veranderen.',
    en: 'Subscriptions exist already: the catalogue can no longer change.',
  }),
  contributionMismatch: (amount: Text): Text => ({
    nl: `De gevraagde Vlaamse bijdrage moet ${amount.nl} zijn (gepland bereik x bedrag per eenheid).`,
    en: `The Flemish contribution asked must be ${amount.en} (planned reach x amount per unit).`,
  }),
  assignmentTarget: (): Text => ({
    nl: 'Kies een dossier en beoordelaar, of een aantal per dossier.',
    en: 'Choose a dossier and reviewer, or a number per dossier.',
  }),
  scoreInvalid: (criterionCode: string, problem: string): Text => ({
    nl: `Score ${criterionCode}: ${problem}.`,
    en: `Score ${criterionCode}: ${problem}.`,
  }),
  scoreMissing: (label: string): Text => ({
    nl: `Score voor ${label} ontbreekt.`,
    en: `Score for ${label} is missing.`,
  }),
  scoreCommentRequired: (label: string): Text => ({
    nl: `Licht de score voor ${label} toe.`,
    en: `Explain the score for ${label}.`,
  }),
  budgetRaiseOnly: (current: Text): Text => ({
    nl: `Een budgetbeslissing verhoogt het budget: hoger dan ${current.nl}.`,
    en: `A budget decision raises the budget: above ${current.en}.`,
  }),
  budgetDecisionReference: (): Text => ({
    nl: 'Na de beslissing is een budgetverhoging een ministerieel besluit: geef datum en referentie.',
    en: 'After the decision a budget raise is a ministerial decision: give its date and reference.',
  }),
} as const;
