import type { Locale } from './roles';

/**
 * Stable error codes returned in `code` of every problem response.
 * WARNING: clients match on these strings; never rename one, add a new one instead.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'AUTH_REQUIRED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'ROUTE_NOT_DECLARED',
  'CSRF_INVALID',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'CALL_INVALID',
  'CALL_CODE_TAKEN',
  'CALL_CHANGE_HURTS_APPLICANTS',
  'CALL_NOT_OPEN',
  'DEADLINE_PASSED',
  'INVALID_ENTERPRISE_NUMBER',
  'ENTERPRISE_NUMBER_TAKEN',
  'INVALID_NIS_CODE',
  'NIS_CODE_TAKEN',
  'INVALID_IBAN',
  'INELIGIBLE_APPLICANT',
  'AMOUNT_ABOVE_CAP',
  'AMOUNT_ABOVE_COST',
  'PERIOD_OUTSIDE_CALL',
  'DOSSIER_INCOMPLETE',
  'DOSSIER_READ_ONLY',
  'VERSION_CONFLICT',
  'PRECONDITION_REQUIRED',
  'ATTACHMENT_TYPE_REFUSED',
  'ATTACHMENT_TOO_LARGE',
  'EMAIL_TAKEN',
  'WEAK_PASSWORD',
  'INVITATION_INVALID',
  'INVITATION_FOR_OTHER_EMAIL',
  'CALL_STILL_OPEN',
  'NOT_ADMISSIBLE',
  'SCORE_INVALID',
  'COMMENT_REQUIRED',
  'REVIEW_ALREADY_SUBMITTED',
  'NO_REVIEWER_AVAILABLE',
  'PROPOSAL_STATE',
  'BUDGET_EXCEEDED',
  'RANKING_NOT_READY',
  'RESET_TOKEN_INVALID',
  'NOT_AWARDED',
  'DECISION_PENDING',
  'RESERVE_NOT_AVAILABLE',
  'RESERVE_NOT_NEXT',
  'RESERVE_DOES_NOT_FIT',
  'PROMOTION_STATE',
  'NOT_A_CATALOGUE_CALL',
  'CATALOGUE_INVALID',
  'SUBSCRIPTION_INVALID',
  'ALLOCATION_STATE',
  'NO_SUBSCRIPTIONS',
  'LOGIN_THROTTLED',
  'PASSWORD_BREACHED',
  'CURRENT_PASSWORD_INVALID',
  'SUBMIT_RATE_LIMITED',
  'UPLOAD_RATE_LIMITED',
  'ACCOUNT_RATE_LIMITED',
  'ATTACHMENT_INFECTED',
  'VIRUS_SCAN_UNAVAILABLE',
  // The call's lifecycle (ADR 0009)
  'CALL_DECIDED',
  'CALL_PHASE_FORBIDS',
  'PROPOSAL_STALE',
  'REVIEWS_OPEN',
  'BUDGET_BELOW_AWARDED',
  'DECISION_NOT_APPROVED',
  'DOSSIER_TRANSITION_FORBIDDEN',
  'SUBMISSION_IMMUTABLE',
  'REVIEW_CONFLICT_DECLARED',
  'REVIEW_TRANSITION_FORBIDDEN',
  // Bounded parsing (issue 14): refused before validation.
  'JSON_TOO_DEEP',
  'JSON_TOO_MANY_ITEMS',
  // sec-mail (issue 14): invitations, stuck mail
  'INVITATION_RATE_LIMITED',
  'NOTIFICATION_NOT_RESENDABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

type Messages = Record<Locale, string>;

/** Human messages per code; `{name}` placeholders are filled from the error's params. */
export const ERROR_MESSAGES: Record<ErrorCode, { status: number; title: Messages; detail: Messages }> = {
  VALIDATION_FAILED: {
    status: 400,
    title: { nl: 'Ongeldige invoer', en: 'Invalid input' },
    detail: { nl: 'Enkele velden zijn niet correct ingevuld.', en: 'Some fields are not filled in correctly.' },
  },
  MALFORMED_REQUEST: {
    status: 400,
    title: { nl: 'Onleesbaar verzoek', en: 'Malformed request' },
    detail: {
      nl: 'Het verzoek kon niet gelezen worden (ongeldige JSON of parameters).',
      en: 'The request could not be read (invalid JSON or parameters).',
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    title: { nl: 'Verzoek te groot', en: 'Request too large' },
    detail: { nl: 'Het verzoek is groter dan toegelaten.', en: 'The request is larger than allowed.' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: { nl: 'Niet-ondersteund formaat', en: 'Unsupported media type' },
    detail: { nl: 'Dit inhoudstype wordt niet aanvaard.', en: 'This content type is not accepted.' },
  },
  NOT_FOUND: {
    status: 404,
    title: { nl: 'Niet gevonden', en: 'Not found' },
    detail: {
      nl: 'Wat u zoekt bestaat niet of is niet voor u.',
      en: 'What you are looking for does not exist or is not yours.',
    },
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    title: { nl: 'Methode niet toegelaten', en: 'Method not allowed' },
    detail: { nl: 'Deze bewerking is hier niet mogelijk.', en: 'This operation is not possible here.' },
  },
  AUTH_REQUIRED: {
    status: 401,
    title: { nl: 'Aanmelden vereist', en: 'Login required' },
    detail: { nl: 'Meld u aan om verder te gaan.', en: 'Please log in to continue.' },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    title: { nl: 'Aanmelden mislukt', en: 'Login failed' },
    detail: { nl: 'E-mailadres of wachtwoord is onjuist.', en: 'E-mail address or password is incorrect.' },
  },
  FORBIDDEN: {
    status: 403,
    title: { nl: 'Geen toegang', en: 'Access denied' },
    detail: { nl: 'U hebt geen toegang tot deze functie.', en: 'You do not have access to this function.' },
  },
  ROUTE_NOT_DECLARED: {
    status: 403,
    title: { nl: 'Geen toegang', en: 'Access denied' },
    detail: {
      nl: 'Deze functie heeft geen toegangsregel en is daarom voor niemand open.',
      en: 'This function declares no access rule and is therefore closed to everyone.',
    },
  },
  CSRF_INVALID: {
    status: 403,
    title: { nl: 'Beveiligingscontrole mislukt', en: 'Security check failed' },
    detail: {
      nl: 'De beveiligingstoken ontbreekt of is verlopen. Laad de pagina opnieuw en probeer nog eens.',
      en: 'The security token is missing or expired. Reload the page and try again.',
    },
  },
  CONFLICT: {
    status: 409,
    title: { nl: 'Conflict', en: 'Conflict' },
    detail: { nl: 'De gegevens zijn intussen gewijzigd.', en: 'The data has changed in the meantime.' },
  },
  TOO_MANY_REQUESTS: {
    status: 429,
    title: { nl: 'Te veel verzoeken', en: 'Too many requests' },
    detail: { nl: 'Probeer het binnen enkele ogenblikken opnieuw.', en: 'Please try again in a moment.' },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    title: { nl: 'Tijdelijk niet beschikbaar', en: 'Temporarily unavailable' },
    detail: {
      nl: 'De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw; er is niets bewaard.',
      en: 'The service is temporarily unavailable. Please try again later; nothing was saved.',
    },
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    title: { nl: 'Databank tijdelijk niet bereikbaar', en: 'Database temporarily unavailable' },
    detail: {
      nl: 'De databank is even niet bereikbaar. Probeer het zo dadelijk opnieuw; er is niets bewaard.',
      en: 'The database cannot be reached for a moment. Please try again shortly; nothing was saved.',
    },
  },
  INTERNAL_ERROR: {
    status: 500,
    title: { nl: 'Interne fout', en: 'Internal error' },
    detail: {
      nl: 'Er ging iets mis aan onze kant. Er is niets half bewaard; probeer het opnieuw.',
      en: 'Something went wrong on our side. Nothing was half saved; please try again.',
    },
  },
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
  DEADLINE_PASSED: {
    status: 409,
    title: { nl: 'Deadline verstreken', en: 'Deadline passed' },
    detail: {
      nl: 'De indieningstermijn is verstreken op {closesAt} (Brusselse tijd). Indienen of wijzigen kan niet meer.',
      en: 'The submission deadline passed at {closesAt} (Brussels time). Submitting or changing is no longer possible.',
    },
  },
  INVALID_ENTERPRISE_NUMBER: {
    status: 400,
    title: { nl: 'Ongeldig ondernemingsnummer', en: 'Invalid enterprise number' },
    detail: {
      nl: 'Het ondernemingsnummer is ongeldig (verwacht 0123.456.789 met een geldig controlegetal).',
      en: 'The enterprise number is invalid (expected 0123.456.789 with a valid check number).',
    },
  },
  ENTERPRISE_NUMBER_TAKEN: {
    status: 409,
    title: { nl: 'Organisatie bestaat al', en: 'Organisation already registered' },
    detail: {
      nl: 'Een organisatie met ondernemingsnummer {enterpriseNumber} is al geregistreerd. Vraag de beheerder ervan om u uit te nodigen.',
      en: 'An organisation with enterprise number {enterpriseNumber} is already registered. Ask its administrator to invite you.',
    },
  },
  INVALID_NIS_CODE: {
    status: 400,
    title: { nl: 'Ongeldige NIS-code', en: 'Invalid NIS code' },
    detail: { nl: 'De NIS-code moet uit 5 cijfers bestaan.', en: 'The NIS code must consist of 5 digits.' },
  },
  NIS_CODE_TAKEN: {
    status: 409,
    title: { nl: 'Bestuur bestaat al', en: 'Local government already registered' },
    detail: {
      nl: 'Het lokaal bestuur met NIS-code {nisCode} is al geregistreerd.',
      en: 'The local government with NIS code {nisCode} is already registered.',
    },
  },
  INVALID_IBAN: {
    status: 400,
    title: { nl: 'Ongeldig rekeningnummer', en: 'Invalid IBAN' },
    detail: { nl: 'Het IBAN-rekeningnummer is ongeldig.', en: 'The IBAN is invalid.' },
  },
  INELIGIBLE_APPLICANT: {
    status: 422,
    title: { nl: 'Niet subsidieerbaar', en: 'Not eligible' },
    detail: {
      nl: 'Deze aanvrager kan niet indienen voor deze oproep: {reason}',
      en: 'This applicant cannot apply to this call: {reason}',
    },
  },
  AMOUNT_ABOVE_CAP: {
    status: 422,
    title: { nl: 'Bedrag te hoog', en: 'Amount too high' },
    detail: {
      nl: 'Het gevraagde bedrag is hoger dan het maximum van {cap} per dossier.',
      en: 'The requested amount is above the maximum of {cap} per dossier.',
    },
  },
  AMOUNT_ABOVE_COST: {
    status: 422,
    title: { nl: 'Bedrag te hoog', en: 'Amount too high' },
    detail: {
      nl: 'Het gevraagde bedrag is hoger dan de totale kost min de andere inkomsten ({limit}).',
      en: 'The requested amount is above the total cost minus other income ({limit}).',
    },
  },
  PERIOD_OUTSIDE_CALL: {
    status: 422,
    title: { nl: 'Projectperiode buiten de oproep', en: 'Project period outside the call' },
    detail: {
      nl: 'De projectperiode moet binnen {start} en {end} vallen.',
      en: 'The project period must fall between {start} and {end}.',
    },
  },
  DOSSIER_INCOMPLETE: {
    status: 422,
    title: { nl: 'Dossier onvolledig', en: 'Dossier incomplete' },
    detail: {
      nl: 'Het dossier kan nog niet ingediend worden: vul de aangeduide velden aan.',
      en: 'The dossier cannot be submitted yet: complete the fields indicated.',
    },
  },
  DOSSIER_READ_ONLY: {
    status: 409,
    title: { nl: 'Dossier niet wijzigbaar', en: 'Dossier read-only' },
    detail: { nl: 'Dit dossier kan niet meer gewijzigd worden.', en: 'This dossier can no longer be changed.' },
  },
  VERSION_CONFLICT: {
    status: 409,
    title: { nl: 'Intussen gewijzigd', en: 'Changed in the meantime' },
    detail: {
      nl: 'Iemand anders heeft dit dossier intussen bewaard (versie {current}). Bekijk de huidige versie voor u verder werkt.',
      en: 'Someone else saved this dossier in the meantime (version {current}). Review the current version before continuing.',
    },
  },
  PRECONDITION_REQUIRED: {
    status: 428,
    title: { nl: 'Versie ontbreekt', en: 'Version missing' },
    detail: {
      nl: 'Stuur de versie die u wijzigt mee in de If-Match-header.',
      en: 'Send the version you are changing in the If-Match header.',
    },
  },
  ATTACHMENT_TYPE_REFUSED: {
    status: 415,
    title: { nl: 'Bestandstype niet toegelaten', en: 'File type not allowed' },
    detail: {
      nl: 'Alleen PDF, DOCX, XLSX, ODT, JPG en PNG zijn toegelaten (gecontroleerd op de inhoud).',
      en: 'Only PDF, DOCX, XLSX, ODT, JPG and PNG are allowed (checked by content).',
    },
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    title: { nl: 'Bestand te groot', en: 'File too large' },
    detail: { nl: 'Een bijlage mag hoogstens 10 MB groot zijn.', en: 'An attachment may be at most 10 MB.' },
  },
  EMAIL_TAKEN: {
    status: 409,
    title: { nl: 'Account bestaat al', en: 'Account already exists' },
    detail: {
      nl: 'Er bestaat al een account met dit e-mailadres. Meld u aan of vraag een nieuw wachtwoord.',
      en: 'An account with this e-mail address already exists. Log in or reset your password.',
    },
  },
  WEAK_PASSWORD: {
    status: 400,
    title: { nl: 'Wachtwoord te zwak', en: 'Password too weak' },
    detail: { nl: 'Kies een wachtwoord van minstens 12 tekens.', en: 'Choose a password of at least 12 characters.' },
  },
  INVITATION_INVALID: {
    status: 410,
    title: { nl: 'Uitnodiging ongeldig', en: 'Invitation not valid' },
    detail: {
      nl: 'Deze uitnodiging is verlopen, al gebruikt of bestaat niet. Vraag een nieuwe uitnodiging.',
      en: 'This invitation has expired, was already used or does not exist. Ask for a new invitation.',
    },
  },
  INVITATION_FOR_OTHER_EMAIL: {
    status: 403,
    title: { nl: 'Uitnodiging voor iemand anders', en: 'Invitation for someone else' },
    detail: {
      nl: 'Deze uitnodiging is gericht aan een ander e-mailadres. Meld u aan met dat adres.',
      en: 'This invitation is addressed to another e-mail address. Log in with that address.',
    },
  },
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
  RESET_TOKEN_INVALID: {
    status: 410,
    title: { nl: 'Link ongeldig', en: 'Link not valid' },
    detail: {
      nl: 'Deze link om een nieuw wachtwoord te kiezen is verlopen of al gebruikt. Vraag een nieuwe aan.',
      en: 'This link to choose a new password has expired or was already used. Ask for a new one.',
    },
  },
  LOGIN_THROTTLED: {
    status: 429,
    title: { nl: 'Te veel mislukte pogingen', en: 'Too many failed attempts' },
    detail: {
      nl: 'Er waren te veel mislukte aanmeldpogingen. Wacht {minutes} min. en probeer het dan opnieuw, of vraag een nieuw wachtwoord aan.',
      en: 'There were too many failed login attempts. Wait {minutes} min and try again, or ask for a new password.',
    },
  },
  PASSWORD_BREACHED: {
    status: 400,
    title: { nl: 'Wachtwoord te bekend', en: 'Password too common' },
    detail: {
      nl: 'Dit wachtwoord staat in een lijst van veelgebruikte of gelekte wachtwoorden. Kies een ander wachtwoord.',
      en: 'This password is on a list of common or leaked passwords. Choose another password.',
    },
  },
  CURRENT_PASSWORD_INVALID: {
    status: 400,
    title: { nl: 'Huidig wachtwoord onjuist', en: 'Current password incorrect' },
    detail: {
      nl: 'Het huidige wachtwoord klopt niet. Uw wachtwoord is niet gewijzigd.',
      en: 'The current password is incorrect. Your password was not changed.',
    },
  },
  SUBMIT_RATE_LIMITED: {
    status: 429,
    title: { nl: 'Te vaak ingediend', en: 'Submitted too often' },
    detail: {
      nl: 'U hebt in korte tijd te vaak ingediend. Probeer het opnieuw over {seconds} seconden.',
      en: 'You submitted too often in a short time. Try again in {seconds} seconds.',
    },
  },
  ACCOUNT_RATE_LIMITED: {
    status: 429,
    title: { nl: 'Te veel aanvragen', en: 'Too many requests' },
    detail: {
      nl: 'Vanaf dit adres werden in korte tijd te veel accounts of wachtwoordherstellingen aangevraagd. Probeer het opnieuw over {seconds} seconden.',
      en: 'Too many accounts or password resets were requested from this address in a short time. Try again in {seconds} seconds.',
    },
  },
  UPLOAD_RATE_LIMITED: {
    status: 429,
    title: { nl: 'Te veel bestanden', en: 'Too many uploads' },
    detail: {
      nl: 'U hebt in korte tijd te veel bestanden opgeladen. Probeer het opnieuw over {seconds} seconden.',
      en: 'You uploaded too many files in a short time. Try again in {seconds} seconds.',
    },
  },
  ATTACHMENT_INFECTED: {
    status: 422,
    title: { nl: 'Bestand geweigerd', en: 'File refused' },
    detail: {
      nl: 'De virusscanner vond schadelijke inhoud in dit bestand. Het is niet bewaard.',
      en: 'The virus scanner found harmful content in this file. It was not saved.',
    },
  },
  INVITATION_RATE_LIMITED: {
    status: 429,
    title: { nl: 'Te veel uitnodigingen', en: 'Too many invitations' },
    detail: {
      nl: 'Er werden in korte tijd te veel uitnodigingen verstuurd. Probeer het opnieuw over {seconds} seconden.',
      en: 'Too many invitations were sent in a short time. Try again in {seconds} seconds.',
    },
  },
  NOTIFICATION_NOT_RESENDABLE: {
    status: 409,
    title: { nl: 'Niet opnieuw te versturen', en: 'Cannot be resent' },
    detail: {
      nl: 'Deze e-mail kan niet opnieuw verstuurd worden: de inhoud of de link erin werd na verzending verwijderd. Laat de persoon een nieuwe link aanvragen.',
      en: 'This mail cannot be resent: its content or the link in it was removed after sending. Have the person ask for a new link.',
    },
  },
  VIRUS_SCAN_UNAVAILABLE: {
    status: 503,
    title: { nl: 'Virusscan niet beschikbaar', en: 'Virus scan unavailable' },
    detail: {
      nl: 'Het bestand kon niet op virussen gecontroleerd worden en is niet bewaard. Probeer het later opnieuw.',
      en: 'The file could not be checked for viruses and was not saved. Please try again later.',
    },
  },
  // The call's lifecycle (ADR 0009)
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
  // Bounded parsing (issue 14): refused before validation.
  JSON_TOO_DEEP: {
    status: 400,
    title: { nl: 'Verzoek te diep genest', en: 'Request nested too deeply' },
    detail: {
      nl: 'De JSON van het verzoek is dieper genest dan toegelaten (hoogstens {limit} niveaus).',
      en: 'The JSON of the request is nested deeper than allowed (at most {limit} levels).',
    },
  },
  JSON_TOO_MANY_ITEMS: {
    status: 400,
    title: { nl: 'Te veel elementen', en: 'Too many items' },
    detail: {
      nl: 'Een lijst of object in de JSON van het verzoek heeft meer dan {limit} elementen.',
      en: 'A list or object in the JSON of the request holds more than {limit} items.',
    },
  },
};

export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return ERROR_MESSAGES[code].detail[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
