import type { ErrorDefinition } from './definition';

/** Dossiers, their attachments and submissions. WARNING: clients match on these codes; never rename one. */
export const DOSSIERS_ERRORS = {
  DEADLINE_PASSED: {
    status: 409,
    title: { nl: 'Deadline verstreken', en: 'Deadline passed' },
    detail: {
      nl: 'De indieningstermijn is verstreken op {closesAt} (Brusselse tijd). Indienen of wijzigen kan niet meer.',
      en: 'The submission deadline passed at {closesAt} (Brussels time). Submitting or changing is no longer possible.',
    },
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
  SUBMIT_RATE_LIMITED: {
    status: 429,
    title: { nl: 'Te vaak ingediend', en: 'Submitted too often' },
    detail: {
      nl: 'U hebt in korte tijd te vaak ingediend. Probeer het opnieuw over {seconds} seconden.',
      en: 'You submitted too often in a short time. Try again in {seconds} seconds.',
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
  UPLOAD_INTERRUPTED: {
    status: 503,
    title: { nl: 'Opladen onderbroken', en: 'Upload interrupted' },
    detail: {
      nl: 'Het bestand kwam niet volledig aan bij de databank (bijvoorbeeld door een herstart) en is niet bewaard. Laad het opnieuw op.',
      en: 'The file did not reach the database in full (for instance because of a restart) and was not saved. Please upload it again.',
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
} as const satisfies Record<string, ErrorDefinition>;
