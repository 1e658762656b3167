import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { CallInformation } from '@portal/contracts';
import { humanFormat } from '@portal/domain';
import type { LetterSettings } from './letter-settings';

/**
 * The layout every letter of the administration shares (the decision letter, ADR 0017; the recovery letter, ADR 0025):
 * A4, the administration as sender, the addressee, the references, a greeting, and the signatory.
 *
 * The fonts: DejaVu Sans from the npm package dejavu-fonts-ttf (Bitstream Vera licence, DejaVu changes in the public
 * domain; see decision-letter.NOTICE.md). The standard PDF fonts only know WinAnsi (Latin-1), so a name in Łódź,
 * Ελληνικά, кириллица or עברית printed as junk; DejaVu Sans covers Latin with its extensions, Greek, Cyrillic, Hebrew,
 * Arabic and more, not Chinese, Japanese or Korean, nor colour emoji. pdfkit embeds only the glyphs used; it has no
 * bidirectional algorithm, so a phrase of several right-to-left words may be laid out in the wrong order.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fonts: { regular: Buffer; bold: Buffer } | undefined;

function letterFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(join(FONT_DIR, 'DejaVuSans.ttf')),
    bold: readFileSync(join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const REGULAR = 'Letter';
export const BOLD = 'Letter-Bold';
/** fontkit turns standard and contextual ligatures on by default; an object of features can turn them off. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const NO_LIGATURES = {
  liga: false,
  clig: false,
  dlig: false,
  calt: false,
} as unknown as PDFKit.Mixins.OpenTypeFeatures[];

const nl = humanFormat('nl');

export interface LetterHead {
  settings: LetterSettings;
  callInformation: CallInformation;
  /** The PDF's title and subject (its properties, not the page). */
  title: string;
  subject: string;
  applicant: {
    legalName: string;
    contactName: string;
    address: { street: string; postalCode: string; city: string };
  };
  /** "Uw dossiernummer", "Ons kenmerk" and the like, in order; the date and the contact person follow. */
  references: Array<[string, string]>;
  letterDate: Date;
}

export interface Letter {
  doc: PDFKit.PDFDocument;
  write: (value: string, options?: PDFKit.Mixins.TextOptions, font?: string) => void;
  heading: (value: string) => void;
  contact: { name: string; email: string; phone: string };
  /** Writes the signature and ends the document. */
  finish: () => Promise<Buffer>;
}

export function greeting(contactName: string): string {
  const name = contactName.trim();
  return name ? `Geachte ${name},` : 'Geachte mevrouw, geachte heer,';
}

/** Opens a letter (Dutch) and writes its head: sender, addressee, references. Text is not compressed (searchable). */
export function openLetter(head: LetterHead): Letter {
  const { settings, callInformation: info } = head;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress: false,
    lang: 'nl-BE',
    info: {
      Title: head.title,
      Subject: head.subject,
      Author: `${settings.administration.government}, ${settings.administration.name}`,
    },
  });
  doc.registerFont(REGULAR, letterFonts().regular);
  doc.registerFont(BOLD, letterFonts().bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // Without ligatures: "fi" or "ff" drawn as one glyph reads back (copied, searched, read aloud) as junk. pdfkit lays a
  // text with explicit features out as one run, which a right-to-left word would turn around as a whole: such a text
  // keeps pdfkit's word-by-word layout (and its ligatures).
  const write = (value: string, options: PDFKit.Mixins.TextOptions = {}, font = REGULAR) => {
    doc.font(font).text(value, RIGHT_TO_LEFT.test(value) ? options : { ...options, features: NO_LIGATURES });
  };
  const heading = (value: string) => {
    doc.moveDown();
    write(value, {}, BOLD);
  };

  // Sender
  doc.fontSize(13);
  write(settings.administration.government, {}, BOLD);
  doc.fontSize(10);
  write(settings.administration.name);
  for (const line of settings.administration.address) write(line);
  write(settings.administration.website);
  doc.moveDown(2);

  // Addressee
  doc.fontSize(11);
  write(head.applicant.legalName);
  if (head.applicant.contactName.trim()) write(`t.a.v. ${head.applicant.contactName.trim()}`);
  write(head.applicant.address.street);
  write(`${head.applicant.address.postalCode} ${head.applicant.address.city}`);
  doc.moveDown(2);

  // References: the applicant knows their dossier by its number (the word of the receipt and the mails)
  const contact = {
    name: info.contactName ?? settings.contact.name,
    email: info.contactEmail ?? settings.contact.email,
    phone: info.contactPhone ?? (info.contactName ? '' : settings.contact.phone),
  };
  doc.fontSize(10);
  for (const [label, value] of head.references) write(`${label}: ${value}`);
  write(`Datum: ${nl.longDate(head.letterDate)}`);
  write(`Contactpersoon: ${[contact.name, contact.email, contact.phone].filter(Boolean).join(', ')}`);
  doc.moveDown(1.5);
  doc.fontSize(11);

  const finish = () => {
    doc.moveDown();
    write('Met vriendelijke groeten,');
    doc.moveDown(1.5);
    write(settings.signatory.name, {}, BOLD);
    write(settings.signatory.title);
    write(`${settings.administration.name}, ${settings.signatory.mandate}`);
    doc.end();
    return done;
  };
  return { doc, write, heading, contact, finish };
}
