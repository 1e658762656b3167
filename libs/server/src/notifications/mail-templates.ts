import type { NotificationTemplate } from '@portal/contracts';

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
          : `Bij ministerieel besluit ${str(p, 'decisionReference')} van ${str(p, 'decisionDate')} kon aan uw project "${str(p, 'title')}" geen subsidie toegekend worden (reden: ${str(p, 'reason')}).`,
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
          : `By ministerial decision ${str(p, 'decisionReference')} of ${str(p, 'decisionDate')} no grant could be awarded to your project "${str(p, 'title')}" (reason: ${str(p, 'reason')}).`,
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
