import addressparser from 'nodemailer/lib/addressparser';
import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs';

export interface MimeMail {
  /** `Name <address>` or a bare address, as MAIL_FROM holds it. */
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@host>` */
  messageId: string;
  date: Date;
}

// Base64 never contains "=_", so this boundary cannot occur inside a part.
const BOUNDARY = '=_portal_alternative';

function base64Lines(content: string): string {
  return (
    Buffer.from(content, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

/** A header line, non-ASCII text as RFC 2047 words, folded at 76 characters. */
function header(name: string, value: string): string {
  return foldLines(`${name}: ${encodeWords(value, 'Q', 52)}`, 76);
}

function mailbox(value: string): { header: string; address: string } | null {
  const [first] = addressparser(value, { flatten: true });
  // Internationalised addresses need nodemailer's punycode and SMTPUTF8 handling.
  if (!first?.address || !/^[\x21-\x7e]+$/.test(first.address)) return null;
  const name = first.name;
  if (!name) return { header: first.address, address: first.address };
  const phrase = /^[\w !#$%&'*+\-/=?^`{|}~]*$/.test(name)
    ? name
    : /^[\x20-\x7e]*$/.test(name)
      ? `"${name.replace(/["\\]/g, '\\$&')}"`
      : encodeWords(name, 'Q', 52);
  return { header: `${phrase} <${first.address}>`, address: first.address };
}

/**
 * The notification as one RFC 5322 message (text and HTML alternatives, UTF-8, base64), built in one go: nodemailer's
 * streaming composer cost more CPU per mail than all the rest of sending it. Returns the message and its envelope, or
 * null for an address this does not handle (not plain ASCII), which nodemailer then composes.
 */
export function composeMime(mail: MimeMail): { raw: string; envelope: { from: string; to: string[] } } | null {
  const from = mailbox(mail.from);
  const to = mailbox(mail.to);
  if (!from || !to) return null;
  const raw = [
    foldLines(`From: ${from.header}`, 76),
    foldLines(`To: ${to.header}`, 76),
    header('Subject', mail.subject),
    `Message-ID: ${mail.messageId}`,
    `Date: ${mail.date.toUTCString().replace(/GMT$/, '+0000')}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
    '',
    `--${BOUNDARY}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(mail.text),
    `--${BOUNDARY}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(mail.html),
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n');
  return { raw, envelope: { from: from.address, to: [to.address] } };
}
