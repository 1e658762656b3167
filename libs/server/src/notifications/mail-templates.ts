import { selectionReasonText, type NotificationTemplate } from '@portal/contracts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Locale = 'nl' | 'en';
type Payload = Record<string, unknown>;

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const str = (payload: Payload, key: string): string => {
  const value = payload[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

interface Template {
  subject: (p: Payload) => string;
  /** Paragraphs of plain text; the HTML version is built from the same text, escaped. */
  body: (p: Payload) => string[];
}

const TEMPLATES: Record<NotificationTemplate, Record<Locale, Template>> = {
  'dossier.admissibility': {
    nl: {
      subject: (p) => `Ontvankelijkheid van uw dossier ${str(p, 'reference')}`,
      body: (p) => [
        `Beste ${str(p, 'recipientName')},`,
        str(p, 'decision') === 'admissible'
          ? `Uw dossier ${str(p, 'reference')} voor de oproep "${str(p, 'callTitle')}" is ontvankelijk en wordt nu beoordeeld.`
          : `Uw dossier ${str(p, 'reference')} voor de oproep "${str(p, 'callTitle')}" is niet ontvankelijk en neemt niet verder deel aan de procedure.`,
        `Motivering: ${str(p, 'motivation')}`,
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) => `Admissibility of your dossier ${str(p, 'reference')}`,
      body: (p) => [
        `Dear ${str(p, 'recipientName')},`,
        str(p, 'decision') === 'admissible'
          ? `Your dossier ${str(p, 'reference')} for the call "${str(p, 'callTitle')}" is admissible and is now being assessed.`
          : `Your dossier ${str(p, 'reference')} for the call "${str(p, 'callTitle')}" is not admissible and leaves the procedure.`,
        `Motivation: ${str(p, 'motivation')}`,
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'review.assigned': {
    nl: {
      subject: (p) => `Nieuw dossier te beoordelen: ${str(p, 'reference')}`,
      body: (p) => [
        `Beste ${str(p, 'recipientName')},`,
        `U bent aangeduid om dossier ${str(p, 'reference')} van de oproep "${str(p, 'callTitle')}" te beoordelen.`,
        'Hebt u een belangenconflict, meld dat dan in het portaal; er wordt een andere beoordelaar aangeduid.',
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) => `New dossier to review: ${str(p, 'reference')}`,
      body: (p) => [
        `Dear ${str(p, 'recipientName')},`,
        `You have been appointed to review dossier ${str(p, 'reference')} of the call "${str(p, 'callTitle')}".`,
        'If you have a conflict of interest, declare it in the portal; another reviewer will be appointed.',
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'review.reminder': {
    nl: {
      subject: () => 'Herinnering: beoordelingen staan nog open',
      body: (p) => [
        `Beste ${str(p, 'recipientName')},`,
        `Er staan nog ${str(p, 'open')} beoordeling(en) voor u open in het Subsidieportaal.`,
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: () => 'Reminder: reviews still open',
      body: (p) => [
        `Dear ${str(p, 'recipientName')},`,
        `You still have ${str(p, 'open')} open review(s) in the grant portal.`,
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'auth.password_reset': {
    nl: {
      subject: () => 'Nieuw wachtwoord kiezen',
      body: (p) => [
        `Beste ${str(p, 'recipientName')},`,
        `Kies een nieuw wachtwoord via ${str(p, 'resetUrl')} (eenmalig te gebruiken, geldig tot ${str(p, 'expiresAtBrussels')}, Brusselse tijd).`,
        'Vroeg u dit niet aan? Dan mag u dit bericht negeren; uw wachtwoord blijft ongewijzigd.',
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: () => 'Choose a new password',
      body: (p) => [
        `Dear ${str(p, 'recipientName')},`,
        `Choose a new password at ${str(p, 'resetUrl')} (single use, valid until ${str(p, 'expiresAtBrussels')}, Brussels time).`,
        'Did you not ask for this? Then ignore this message; your password stays as it is.',
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'auth.password_changed': {
    nl: {
      subject: () => 'Uw wachtwoord is gewijzigd',
      body: (p) => [
        `Beste ${str(p, 'recipientName')},`,
        `Het wachtwoord van uw account in het Subsidieportaal werd gewijzigd op ${str(p, 'changedAtBrussels')} (Brusselse tijd); ${str(p, 'how') === 'reset' ? 'alle sessies werden afgemeld' : 'uw andere sessies werden afgemeld'}.`,
        `Deed u dit niet zelf? Kies dan meteen een nieuw wachtwoord via ${str(p, 'forgotUrl')} en verwittig de administratie.`,
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: () => 'Your password was changed',
      body: (p) => [
        `Dear ${str(p, 'recipientName')},`,
        `The password of your grant portal account was changed at ${str(p, 'changedAtBrussels')} (Brussels time); ${str(p, 'how') === 'reset' ? 'every session was logged out' : 'your other sessions were logged out'}.`,
        `Was this not you? Choose a new password at once at ${str(p, 'forgotUrl')} and tell the administration.`,
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'proposal.sent': {
    nl: {
      subject: (p) => `Selectievoorstel ter goedkeuring: ${str(p, 'callTitle')}`,
      body: (p) => [
        `Beste ${str(p, 'recipientName')},`,
        `De administratie legt het selectievoorstel voor de oproep "${str(p, 'callTitle')}" ter goedkeuring voor: ${str(p, 'count')} dossiers voor ${str(p, 'grantedEuro')} binnen een budget van ${str(p, 'budgetEuro')}.`,
        'U kunt het voorstel bekijken, goedkeuren of terugsturen in het Subsidieportaal.',
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) => `Selection proposal for approval: ${str(p, 'callTitle')}`,
      body: (p) => [
        `Dear ${str(p, 'recipientName')},`,
        `The administration submits the selection proposal for the call "${str(p, 'callTitle')}" for approval: ${str(p, 'count')} dossiers for ${str(p, 'grantedEuro')} within a budget of ${str(p, 'budgetEuro')}.`,
        'You can review, approve or return the proposal in the grant portal.',
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'dossier.decision': {
    nl: {
      subject: (p) => `Beslissing over uw dossier ${str(p, 'reference')}`,
      body: (p) => [
        `Beste ${str(p, 'recipientName')},`,
        str(p, 'outcome') === 'selected'
          ? `Bij ministerieel besluit ${str(p, 'decisionReference')} van ${str(p, 'decisionDate')} wordt aan uw project "${str(p, 'title')}" een subsidie van ${str(p, 'grantedEuro')} toegekend.`
          : str(p, 'outcome') === 'reserve'
            ? `Bij ministerieel besluit ${str(p, 'decisionReference')} van ${str(p, 'decisionDate')} werd uw project "${str(p, 'title')}" niet geselecteerd, maar op de reservelijst geplaatst. Komt er budget vrij, dan kan het alsnog in aanmerking komen.`
            : `Bij ministerieel besluit ${str(p, 'decisionReference')} van ${str(p, 'decisionDate')} kon aan uw project "${str(p, 'title')}" geen subsidie toegekend worden. ${selectionReasonText(str(p, 'reason'), 'nl')}`,
        'De beslissingsbrief (PDF) staat bij uw dossier in het Subsidieportaal.',
        `Oproep: ${str(p, 'callTitle')}. Dossiernummer: ${str(p, 'reference')}.`,
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) => `Decision on your dossier ${str(p, 'reference')}`,
      body: (p) => [
        `Dear ${str(p, 'recipientName')},`,
        str(p, 'outcome') === 'selected'
          ? `By ministerial decision ${str(p, 'decisionReference')} of ${str(p, 'decisionDate')} your project "${str(p, 'title')}" is awarded a grant of ${str(p, 'grantedEuro')}.`
          : str(p, 'outcome') === 'reserve'
            ? `By ministerial decision ${str(p, 'decisionReference')} of ${str(p, 'decisionDate')} your project "${str(p, 'title')}" was not selected but placed on the reserve list. If budget comes free, it may still be funded.`
            : `By ministerial decision ${str(p, 'decisionReference')} of ${str(p, 'decisionDate')} no grant could be awarded to your project "${str(p, 'title')}". ${selectionReasonText(str(p, 'reason'), 'en')}`,
        'The decision letter (PDF) is with your dossier in the grant portal.',
        `Call: ${str(p, 'callTitle')}. Dossier reference: ${str(p, 'reference')}.`,
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'applicant.invitation': {
    nl: {
      subject: (p) => `Uitnodiging om mee te werken voor ${str(p, 'applicantName')}`,
      body: (p) => [
        'Beste,',
        `${str(p, 'inviterName')} nodigt u uit om in het Subsidieportaal mee te werken aan de dossiers van ${str(p, 'applicantName')}.`,
        `Aanvaard de uitnodiging via ${str(p, 'acceptUrl')} (geldig tot ${str(p, 'expiresAtBrussels')}, Brusselse tijd).`,
        'Hebt u nog geen account? Maak er dan eerst een aan met dit e-mailadres.',
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) => `Invitation to work for ${str(p, 'applicantName')}`,
      body: (p) => [
        'Hello,',
        `${str(p, 'inviterName')} invites you to work on the dossiers of ${str(p, 'applicantName')} in the grant portal.`,
        `Accept the invitation at ${str(p, 'acceptUrl')} (valid until ${str(p, 'expiresAtBrussels')}, Brussels time).`,
        'No account yet? Create one with this e-mail address first.',
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'dossier.reminder': {
    nl: {
      subject: (p) => `Herinnering: uw dossier voor "${str(p, 'callTitle')}" is nog niet ingediend`,
      body: (p) => [
        `Beste ${str(p, 'recipientName')},`,
        `Uw dossier "${str(p, 'title') || '(nog zonder titel)'}" voor de oproep "${str(p, 'callTitle')}" is nog niet ingediend.`,
        `De oproep sluit op ${str(p, 'closesAtBrussels')} (Brusselse tijd). Een dossier dat later binnenkomt, wordt geweigerd.`,
        `Vervolledig en dien uw dossier in via ${str(p, 'dossierUrl')}`,
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) => `Reminder: your dossier for "${str(p, 'callTitle')}" has not been submitted`,
      body: (p) => [
        `Dear ${str(p, 'recipientName')},`,
        `Your dossier "${str(p, 'title') || '(no title yet)'}" for the call "${str(p, 'callTitle')}" has not been submitted yet.`,
        `The call closes at ${str(p, 'closesAtBrussels')} (Brussels time). A dossier that arrives later is refused.`,
        `Complete and submit your dossier at ${str(p, 'dossierUrl')}`,
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'dossier.submitted': {
    nl: {
      subject: (p) => `Ontvangstbevestiging dossier ${str(p, 'reference')}`,
      body: (p) => [
        `Beste ${str(p, 'recipientName')},`,
        `Wij ontvingen uw dossier "${str(p, 'title')}" voor de oproep "${str(p, 'callTitle')}".`,
        `Dossiernummer: ${str(p, 'reference')}`,
        `Ingediend op: ${str(p, 'submittedAtBrussels')} (Brusselse tijd)`,
        `Controlegetal van de inhoud (SHA-256): ${str(p, 'contentHash')}`,
        `U kunt uw ontvangstbewijs bekijken op ${str(p, 'receiptUrl')}`,
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) => `Receipt of dossier ${str(p, 'reference')}`,
      body: (p) => [
        `Dear ${str(p, 'recipientName')},`,
        `We received your dossier "${str(p, 'title')}" for the call "${str(p, 'callTitle')}".`,
        `Dossier reference: ${str(p, 'reference')}`,
        `Submitted at: ${str(p, 'submittedAtBrussels')} (Brussels time)`,
        `Content checksum (SHA-256): ${str(p, 'contentHash')}`,
        `You can view your receipt at ${str(p, 'receiptUrl')}`,
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'dossier.withdrawn': {
    nl: {
      subject: (p) => `Dossier ${str(p, 'reference') || str(p, 'title')} ingetrokken`,
      body: (p) => [
        `Beste ${str(p, 'recipientName')},`,
        `Uw dossier "${str(p, 'title')}" voor de oproep "${str(p, 'callTitle')}" werd ingetrokken op ${str(p, 'withdrawnAtBrussels')} (Brusselse tijd).`,
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) => `Dossier ${str(p, 'reference') || str(p, 'title')} withdrawn`,
      body: (p) => [
        `Dear ${str(p, 'recipientName')},`,
        `Your dossier "${str(p, 'title')}" for the call "${str(p, 'callTitle')}" was withdrawn at ${str(p, 'withdrawnAtBrussels')} (Brussels time).`,
        'Kind regards,\nThe grant portal',
      ],
    },
  },
};

export function renderMail(template: NotificationTemplate, locale: Locale, payload: Payload): RenderedMail {
  const chosen = TEMPLATES[template]?.[locale] ?? TEMPLATES[template]?.nl;
  if (!chosen) throw new Error(`No mail template ${template}`);
  const paragraphs = chosen.body(payload);
  return {
    subject: chosen.subject(payload),
    text: `${paragraphs.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif">${paragraphs
      .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
      .join('')}</body></html>`,
  };
}
