import type { MailSender, NotificationPayloads, NotificationTemplate, StaffRole } from '@portal/contracts';

/** What every mail template shares: escaping and links for the HTML part, roles, the contact line, the signature. */
export type Locale = 'nl' | 'en';

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/**
 * Turns each web address in an escaped paragraph into a link, so the HTML part has anchors where the text part has
 * the bare address. A trailing full stop, comma or bracket stays text. Only https and http addresses: the portal's
 * own links (APP_URL), never anything a user typed in a way that could become another scheme.
 */
export function linkify(escaped: string): string {
  return escaped.replace(/\bhttps?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`);
}

const STAFF_ROLE_NAMES: Record<StaffRole, Record<Locale, string>> = {
  admin: { nl: 'beheerder', en: 'administrator' },
  reviewer: { nl: 'beoordelaar', en: 'reviewer' },
  minister: { nl: 'minister/kabinet', en: 'minister/cabinet' },
};

export function staffRolesText(roles: StaffRole[], locale: Locale): string {
  return roles.map((role) => STAFF_ROLE_NAMES[role]?.[locale] ?? role).join(', ');
}

/** Every mail to an applicant closes with whom to ask and is signed by the administration (docs/writing-for-people.md). */
const PORTAL_SIGNATURE: Record<Locale, string> = { nl: 'Het Subsidieportaal', en: 'The grant portal' };

export function contactLine(sender: MailSender | undefined, locale: Locale, quoteNumber = true): string {
  const who = sender
    ? { nl: `neem contact op met ${sender.contact}`, en: `contact ${sender.contact}` }
    : {
        nl: 'antwoord niet op deze e-mail, maar neem contact op met de administratie via het Subsidieportaal',
        en: 'do not reply to this e-mail; contact the administration through the grant portal',
      };
  const quote = quoteNumber
    ? { nl: ' Vermeld altijd uw dossiernummer.', en: ' Always quote your dossier number.' }
    : null;
  return locale === 'nl'
    ? `Vragen? ${capitalize(who.nl)}.${quote?.nl ?? ''}`
    : `Questions? ${capitalize(who.en)}.${quote?.en ?? ''}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function signature(sender: MailSender | undefined, locale: Locale): string {
  const name = sender?.administration ?? PORTAL_SIGNATURE[locale];
  return locale === 'nl' ? `Met vriendelijke groeten,\n${name}` : `Kind regards,\n${name}`;
}

export interface Template<P> {
  subject: (p: P) => string;
  /** Paragraphs of plain text; the HTML version is built from the same text, escaped. */
  body: (p: P) => string[];
}

/** Each template reads its own payload type: a field that does not exist is a compile error. */
export type Templates = { [T in NotificationTemplate]: Record<Locale, Template<NotificationPayloads[T]>> };
