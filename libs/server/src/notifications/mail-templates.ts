import { shortChecksum } from '@portal/domain';
import { selectionReasonText, type NotificationPayloads, type NotificationTemplate } from '@portal/contracts';
import { contactLine, escapeHtml, linkify, signature, type Locale, type Template, type Templates } from './mail-text';
import { STAFF_TEMPLATES } from './staff-mail-templates';
import { AFTER_AWARD_TEMPLATES } from './after-award-mail-templates';
import { FUNDING_TEMPLATES } from './funding-mail-templates';
import { SETTLEMENT_TEMPLATES } from './settlement-mail-templates';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const TEMPLATES: Templates = {
  ...STAFF_TEMPLATES,
  ...AFTER_AWARD_TEMPLATES,
  ...FUNDING_TEMPLATES,
  ...SETTLEMENT_TEMPLATES,
  'dossier.admissibility': {
    nl: {
      subject: (p) => `Ontvankelijkheid van uw dossier ${p.reference ?? ''}`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        p.decision === 'admissible'
          ? `Uw dossier ${p.reference ?? ''} voor de oproep "${p.callTitle}" is ontvankelijk en wordt nu beoordeeld.`
          : `Uw dossier ${p.reference ?? ''} voor de oproep "${p.callTitle}" is niet ontvankelijk en neemt niet verder deel aan de procedure.`,
        `Motivering: ${p.motivation}`,
        ...(p.decision === 'admissible'
          ? [
              'Wat gebeurt er nu? Deskundigen beoordelen uw dossier, waarna de minister beslist. U krijgt die beslissing per e-mail, met de beslissingsbrief.',
            ]
          : []),
        ...(p.dossierUrl ? [`Uw dossier: ${p.dossierUrl}`] : []),
        contactLine(p.sender, 'nl'),
        signature(p.sender, 'nl'),
      ],
    },
    en: {
      subject: (p) => `Admissibility of your dossier ${p.reference ?? ''}`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        p.decision === 'admissible'
          ? `Your dossier ${p.reference ?? ''} for the call "${p.callTitle}" is admissible and is now being assessed.`
          : `Your dossier ${p.reference ?? ''} for the call "${p.callTitle}" is not admissible and leaves the procedure.`,
        `Motivation: ${p.motivation}`,
        ...(p.decision === 'admissible'
          ? [
              'What happens next? Experts assess your dossier, after which the minister decides. You will get that decision by e-mail, with the decision letter.',
            ]
          : []),
        ...(p.dossierUrl ? [`Your dossier: ${p.dossierUrl}`] : []),
        contactLine(p.sender, 'en'),
        signature(p.sender, 'en'),
      ],
    },
  },
  'auth.password_reset': {
    nl: {
      subject: () => 'Nieuw wachtwoord kiezen',
      body: (p) => [
        `Beste ${p.recipientName},`,
        `Kies een nieuw wachtwoord via ${p.resetUrl} (eenmalig te gebruiken, geldig tot ${p.expiresAtBrussels}, Brusselse tijd).`,
        'Vroeg u dit niet aan? Dan mag u dit bericht negeren; uw wachtwoord blijft ongewijzigd.',
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: () => 'Choose a new password',
      body: (p) => [
        `Dear ${p.recipientName},`,
        `Choose a new password at ${p.resetUrl} (single use, valid until ${p.expiresAtBrussels}, Brussels time).`,
        'Did you not ask for this? Then ignore this message; your password stays as it is.',
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'auth.email_verification': {
    nl: {
      subject: () => 'Bevestig uw e-mailadres',
      body: (p) => [
        `Beste ${p.recipientName},`,
        `Bevestig uw e-mailadres voor het Subsidieportaal via ${p.verifyUrl} (eenmalig te gebruiken, geldig tot ${p.expiresAtBrussels}, Brusselse tijd).`,
        'Zolang uw adres niet bevestigd is, kunt u niet optreden voor een organisatie of lokaal bestuur.',
        'Maakte u geen account aan? Dan mag u dit bericht negeren.',
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: () => 'Confirm your e-mail address',
      body: (p) => [
        `Dear ${p.recipientName},`,
        `Confirm your e-mail address for the grant portal at ${p.verifyUrl} (single use, valid until ${p.expiresAtBrussels}, Brussels time).`,
        'Until your address is confirmed, you cannot act for an organisation or local government.',
        'Did you not create an account? Then ignore this message.',
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'applicant.verification': {
    nl: {
      subject: (p) =>
        p.decision === 'verified'
          ? `Registratie van ${p.applicantName} geverifieerd`
          : `Registratie van ${p.applicantName} geweigerd`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        p.decision === 'verified'
          ? `De administratie heeft de registratie van ${p.applicantName} in het Subsidieportaal geverifieerd.`
          : `De administratie heeft de registratie van ${p.applicantName} in het Subsidieportaal geweigerd. Deze organisatie kan geen dossiers meer starten of indienen.`,
        ...(p.motivation ? [`Motivering: ${p.motivation}`] : []),
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) =>
        p.decision === 'verified'
          ? `Registration of ${p.applicantName} verified`
          : `Registration of ${p.applicantName} rejected`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        p.decision === 'verified'
          ? `The administration verified the registration of ${p.applicantName} in the grant portal.`
          : `The administration rejected the registration of ${p.applicantName} in the grant portal. It can no longer start or submit dossiers.`,
        ...(p.motivation ? [`Motivation: ${p.motivation}`] : []),
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'auth.password_changed': {
    nl: {
      subject: () => 'Uw wachtwoord is gewijzigd',
      body: (p) => [
        `Beste ${p.recipientName},`,
        `Het wachtwoord van uw account in het Subsidieportaal werd gewijzigd op ${p.changedAtBrussels} (Brusselse tijd); ${p.how === 'reset' ? 'alle sessies werden afgemeld' : 'uw andere sessies werden afgemeld'}.`,
        `Deed u dit niet zelf? Kies dan meteen een nieuw wachtwoord via ${p.forgotUrl} en verwittig de administratie.`,
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: () => 'Your password was changed',
      body: (p) => [
        `Dear ${p.recipientName},`,
        `The password of your grant portal account was changed at ${p.changedAtBrussels} (Brussels time); ${p.how === 'reset' ? 'every session was logged out' : 'your other sessions were logged out'}.`,
        `Was this not you? Choose a new password at once at ${p.forgotUrl} and tell the administration.`,
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'dossier.decision': {
    nl: {
      subject: (p) => `Beslissing over uw dossier ${p.reference}`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        p.outcome === 'selected'
          ? `Bij ministerieel besluit ${p.decisionReference} van ${p.decisionDate} wordt aan uw project "${p.title}" een subsidie van ${p.grantedEuro} toegekend.`
          : p.outcome === 'reserve'
            ? `Bij ministerieel besluit ${p.decisionReference} van ${p.decisionDate} werd uw project "${p.title}" niet geselecteerd, maar op de reservelijst geplaatst. Komt er budget vrij, dan kan het alsnog in aanmerking komen.`
            : `Bij ministerieel besluit ${p.decisionReference} van ${p.decisionDate} kon aan uw project "${p.title}" geen subsidie toegekend worden. ${selectionReasonText(p.reason, 'nl')}`,
        'De beslissingsbrief (PDF) staat bij uw dossier in het Subsidieportaal.',
        `Oproep: ${p.callTitle}. Dossiernummer: ${p.reference}.`,
        ...(p.dossierUrl ? [`Uw dossier en de beslissingsbrief: ${p.dossierUrl}`] : []),
        contactLine(p.sender, 'nl'),
        signature(p.sender, 'nl'),
      ],
    },
    en: {
      subject: (p) => `Decision on your dossier ${p.reference}`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        p.outcome === 'selected'
          ? `By ministerial decision ${p.decisionReference} of ${p.decisionDate} your project "${p.title}" is awarded a grant of ${p.grantedEuro}.`
          : p.outcome === 'reserve'
            ? `By ministerial decision ${p.decisionReference} of ${p.decisionDate} your project "${p.title}" was not selected but placed on the reserve list. If budget comes free, it may still be funded.`
            : `By ministerial decision ${p.decisionReference} of ${p.decisionDate} no grant could be awarded to your project "${p.title}". ${selectionReasonText(p.reason, 'en')}`,
        'The decision letter (PDF) is with your dossier in the grant portal.',
        `Call: ${p.callTitle}. Dossier number: ${p.reference}.`,
        ...(p.dossierUrl ? [`Your dossier and the decision letter: ${p.dossierUrl}`] : []),
        contactLine(p.sender, 'en'),
        signature(p.sender, 'en'),
      ],
    },
  },
  'applicant.invitation': {
    nl: {
      subject: (p) => `Uitnodiging om mee te werken voor ${p.applicantName}`,
      body: (p) => [
        'Beste,',
        `${p.inviterName} nodigt u uit om in het Subsidieportaal mee te werken aan de dossiers van ${p.applicantName}.`,
        `Aanvaard de uitnodiging via ${p.acceptUrl} (geldig tot ${p.expiresAtBrussels}, Brusselse tijd).`,
        'Hebt u nog geen account? Maak er dan eerst een aan met dit e-mailadres.',
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) => `Invitation to work for ${p.applicantName}`,
      body: (p) => [
        'Hello,',
        `${p.inviterName} invites you to work on the dossiers of ${p.applicantName} in the grant portal.`,
        `Accept the invitation at ${p.acceptUrl} (valid until ${p.expiresAtBrussels}, Brussels time).`,
        'No account yet? Create one with this e-mail address first.',
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'dossier.reminder': {
    nl: {
      subject: (p) => `Herinnering: uw dossier voor "${p.callTitle}" is nog niet ingediend`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        `Uw dossier "${p.title || '(nog zonder titel)'}" voor de oproep "${p.callTitle}" is nog niet ingediend.`,
        `De oproep sluit op ${p.closesAtBrussels} (Brusselse tijd). Een dossier dat later binnenkomt, wordt geweigerd.`,
        `Vervolledig en dien uw dossier in via ${p.dossierUrl}`,
        contactLine(undefined, 'nl', false),
        signature(undefined, 'nl'),
      ],
    },
    en: {
      subject: (p) => `Reminder: your dossier for "${p.callTitle}" has not been submitted`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        `Your dossier "${p.title || '(no title yet)'}" for the call "${p.callTitle}" has not been submitted yet.`,
        `The call closes at ${p.closesAtBrussels} (Brussels time). A dossier that arrives later is refused.`,
        `Complete and submit your dossier at ${p.dossierUrl}`,
        contactLine(undefined, 'en', false),
        signature(undefined, 'en'),
      ],
    },
  },
  'dossier.submitted': {
    nl: {
      subject: (p) => `Ontvangstbevestiging dossier ${p.reference}`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        `Wij ontvingen uw dossier "${p.title}" voor de oproep "${p.callTitle}". Deze e-mail is uw ontvangstbevestiging.`,
        `Dossiernummer: ${p.reference}\nIngediend op: ${p.submittedAtBrussels} (Brusselse tijd)\nControlegetal: ${shortChecksum(p.contentHash)}`,
        `Uw ontvangstbewijs: ${p.receiptUrl}`,
        `Wat gebeurt er nu? De administratie controleert eerst of uw dossier ontvankelijk is; daarover krijgt u een e-mail. Een ontvankelijk dossier wordt beoordeeld door deskundigen, waarna de minister beslist. Ook die beslissing krijgt u per e-mail, met de beslissingsbrief.`,
        p.dossierUrl
          ? `Tot de deadline kunt u uw dossier nog wijzigen en opnieuw indienen: ${p.dossierUrl}`
          : 'Tot de deadline kunt u uw dossier nog wijzigen en opnieuw indienen in het Subsidieportaal.',
        contactLine(p.sender, 'nl'),
        signature(p.sender, 'nl'),
      ],
    },
    en: {
      subject: (p) => `Receipt of dossier ${p.reference}`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        `We received your dossier "${p.title}" for the call "${p.callTitle}". This e-mail is your confirmation of receipt.`,
        `Dossier number: ${p.reference}\nSubmitted at: ${p.submittedAtBrussels} (Brussels time)\nChecksum: ${shortChecksum(p.contentHash)}`,
        `Your receipt: ${p.receiptUrl}`,
        'What happens next? The administration first checks whether your dossier is admissible; you will get an e-mail about it. An admissible dossier is assessed by experts, after which the minister decides. You will get that decision by e-mail too, with the decision letter.',
        p.dossierUrl
          ? `Until the deadline you can still change your dossier and submit it again: ${p.dossierUrl}`
          : 'Until the deadline you can still change your dossier and submit it again in the grant portal.',
        contactLine(p.sender, 'en'),
        signature(p.sender, 'en'),
      ],
    },
  },
  'dossier.withdrawn': {
    nl: {
      subject: (p) => `Dossier ${p.reference || p.title} ingetrokken`,
      body: (p) => [
        `Beste ${p.recipientName ?? ''},`,
        `Uw dossier "${p.title}" voor de oproep "${p.callTitle}" werd ingetrokken op ${p.withdrawnAtBrussels ?? ''} (Brusselse tijd).`,
        'Een ingetrokken dossier wordt niet beoordeeld. Zolang de oproep open is, kunt u een nieuw dossier starten.',
        ...(p.dossierUrl ? [`Uw dossier: ${p.dossierUrl}`] : []),
        contactLine(p.sender, 'nl'),
        signature(p.sender, 'nl'),
      ],
    },
    en: {
      subject: (p) => `Dossier ${p.reference || p.title} withdrawn`,
      body: (p) => [
        `Dear ${p.recipientName ?? ''},`,
        `Your dossier "${p.title}" for the call "${p.callTitle}" was withdrawn at ${p.withdrawnAtBrussels ?? ''} (Brussels time).`,
        'A withdrawn dossier is not assessed. While the call is open, you can start a new dossier.',
        ...(p.dossierUrl ? [`Your dossier: ${p.dossierUrl}`] : []),
        contactLine(p.sender, 'en'),
        signature(p.sender, 'en'),
      ],
    },
  },
};

/**
 * Renders a stored notification. The payload comes from the database as JSON: it was type-checked against its
 * template when it was enqueued (NotificationRepository.enqueue), so here it is read as that template's payload.
 */
export function renderMail<T extends NotificationTemplate>(
  template: T,
  locale: Locale,
  payload: NotificationPayloads[T] | Record<string, unknown>,
): RenderedMail {
  const byLocale = TEMPLATES[template] as Record<Locale, Template<NotificationPayloads[T]>> | undefined;
  const chosen = byLocale?.[locale] ?? byLocale?.nl;
  if (!chosen) throw new Error(`No mail template ${template}`);
  const typed = payload as NotificationPayloads[T];
  const paragraphs = chosen.body(typed);
  return {
    subject: chosen.subject(typed),
    text: `${paragraphs.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif">${paragraphs
      .map((paragraph) => `<p>${linkify(escapeHtml(paragraph)).replace(/\n/g, '<br>')}</p>`)
      .join('')}</body></html>`,
  };
}
