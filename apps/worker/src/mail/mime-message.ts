import addressparser from 'nodemailer/lib/addressparser';
import { encodeWord, foldLines } from 'nodemailer/lib/mime-funcs';

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

/**
 * Header values come from people (an organisation's legal name in a subject, a display name) and must never start a
 * header or the body of their own: every line break and other control character (C0, DEL, C1, U+2028/U+2029) becomes
 * one space, whatever reached this point. The API refuses such names already (ADR 0010); this is the mail's own guard.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const HEADER_BREAKERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export function headerText(value: string): string {
  return value.replace(HEADER_BREAKERS, ' ').trim();
}

/**
 * Text that must travel as RFC 2047 encoded words: non-ASCII, or holding "=?", which a mail client would otherwise
 * decode as an encoded word of its own (a legal name typed as "=?utf-8?Q?...=0D=0A...?=" would show other text).
 */
const NEEDS_ENCODED_WORDS = /[^\x20-\x7e]|=\?/;

/** A header line, text that needs it as RFC 2047 words (Q, every special character encoded), folded at 76. */
function header(name: string, value: string): string {
  const text = headerText(value);
  return foldLines(`${name}: ${NEEDS_ENCODED_WORDS.test(text) ? encodeWord(text, 'Q', 52) : text}`, 76);
}

const MESSAGE_ID = /^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>$/;
const HEADER_NAMES = new Set(['From', 'To', 'Subject', 'Message-ID', 'Date', 'MIME-Version', 'Content-Type']);

/**
 * The last check before a message leaves: exactly the headers this builder writes, each once, printable ASCII only,
 * continuation lines folded with white space. A violation throws (the mail is refused and retried, then marked
 * failed), so no value can ever add a header or text before the body.
 */
function assertHeaderBlock(lines: string[]): void {
  const seen = new Set<string>();
  for (const line of lines.join('\r\n').split('\r\n')) {
    if (!/^[\x20-\x7e]+$/.test(line)) throw new Error('MIME header refused: a control or non-ASCII character');
    if (line.startsWith(' ') || line.startsWith('\t')) continue;
    const name = /^([A-Za-z-]+): /.exec(line)?.[1];
    if (!name || !HEADER_NAMES.has(name) || seen.has(name))
      throw new Error(`MIME header refused: ${name ?? line.slice(0, 20)}`);
    seen.add(name);
  }
}

function mailbox(value: string): { header: string; address: string } | null {
  const [first] = addressparser(headerText(value), { flatten: true });
  // Internationalised addresses need nodemailer's punycode and SMTPUTF8 handling.
  if (!first?.address || !/^[\x21-\x7e]+$/.test(first.address)) return null;
  const name = first.name;
  if (!name) return { header: first.address, address: first.address };
  // The whole phrase is encoded when it must be: encoding only its non-ASCII words would leave "<evil@x>" bare.
  const phrase = NEEDS_ENCODED_WORDS.test(name)
    ? encodeWord(name, 'Q', 52)
    : /^[\w !#$%&'*+\-/^`{|}~]*$/.test(name)
      ? name
      : `"${name.replace(/["\\]/g, '\\$&')}"`;
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
  if (!MESSAGE_ID.test(mail.messageId)) throw new Error('MIME header refused: malformed Message-ID');
  const headers = [
    foldLines(`From: ${from.header}`, 76),
    foldLines(`To: ${to.header}`, 76),
    header('Subject', mail.subject),
    `Message-ID: ${mail.messageId}`,
    `Date: ${mail.date.toUTCString().replace(/GMT$/, '+0000')}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
  ];
  assertHeaderBlock(headers);
  const raw = [
    ...headers,
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
