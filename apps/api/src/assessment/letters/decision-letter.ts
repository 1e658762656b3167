import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { selectionReasonText, type CallInformation, type DossierDecisionView } from '@portal/contracts';
import { humanFormat } from '@portal/domain';
import type { LetterSettings } from './letter-settings';

/**
 * The letter's fonts: DejaVu Sans from the npm package dejavu-fonts-ttf (Bitstream Vera licence, DejaVu changes in the
 * public domain; see decision-letter.NOTICE.md). The standard PDF fonts only know WinAnsi (Latin-1), so a name in
 * Łódź, Ελληνικά, кириллица or עברית printed as junk; DejaVu Sans covers Latin with its extensions, Greek, Cyrillic,
 * Hebrew, Arabic and more, not Chinese, Japanese or Korean, nor colour emoji. pdfkit embeds only the glyphs used; it
 * has no bidirectional algorithm, so a phrase of several right-to-left words may be laid out in the wrong order.
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
/** fontkit turns standard and contextual ligatures on by default; an object of features can turn them off. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const NO_LIGATURES = {
  liga: false,
  clig: false,
  dlig: false,
  calt: false,
} as unknown as PDFKit.Mixins.OpenTypeFeatures[];
const BOLD = 'Letter-Bold';

export interface LetterInput {
  decision: DossierDecisionView;
  call: { code: string; title: string; information: CallInformation };
  applicant: {
    legalName: string;
    contactName: string;
    address: { street: string; postalCode: string; city: string };
  };
  /** The project's title as submitted. */
  title: string;
  /** The day the letter is made (the database's clock). */
  letterDate: Date;
  settings: LetterSettings;
  /** The call's budget decisions after the assessment started (ADR 0009), one sentence each. */
  budgetNotes?: string[];
  /** For an award: the tranches of the call's payment schedule with their amounts, one line each (ADR 0023). */
  paymentLines?: string[];
}

const nl = humanFormat('nl');

/** "Bij ministerieel besluit van 8 juni 2026 (MB-…) kende de minister" or, without a decision date, "De minister kende". */
function theMinister(decision: DossierDecisionView, verb: string): string {
  if (!decision.decisionDate) return `De minister ${verb}`;
  const reference = decision.decisionReference ? ` (${decision.decisionReference})` : '';
  return `Bij ministerieel besluit van ${nl.longDate(decision.decisionDate)}${reference} ${verb} de minister`;
}

/** What the decision is, in one paragraph that names the minister's decision. */
function outcomeParagraph(decision: DossierDecisionView, title: string): string {
  const project = `uw project „${title}”`;
  const granted = nl.euro(decision.grantedCents);
  switch (decision.outcome) {
    case 'awarded':
      return decision.grantedCents < decision.requestedCents
        ? `${theMinister(decision, 'kende')} voor ${project} een subsidie toe van ${granted}. U vroeg ${nl.euro(decision.requestedCents)}: de subsidie is lager dan gevraagd.`
        : `${theMinister(decision, 'kende')} voor ${project} de gevraagde subsidie toe van ${granted}.`;
    case 'declined':
      return `De minister kende voor ${project} een subsidie toe van ${granted}. U liet ons weten dat u ervan afziet; deze brief bevestigt dat.`;
    case 'reserve':
      return `${theMinister(decision, 'selecteerde')} ${project} niet, maar plaatste het op plaats ${decision.reservePosition ?? '-'} van de reservelijst. Als een geselecteerde aanvrager afziet van de subsidie, kan uw aanvraag alsnog in aanmerking komen; u krijgt dan een nieuwe brief.`;
    case 'rejected':
      return `${theMinister(decision, 'besliste')} ${project} niet te subsidiëren.`;
    case 'inadmissible':
      return `Wij moeten u helaas meedelen dat uw aanvraag voor ${project} niet ontvankelijk is${decision.decisionDate ? ` (vastgesteld op ${nl.longDate(decision.decisionDate)})` : ''}. Ze werd daarom niet inhoudelijk beoordeeld.`;
    default:
      return '';
  }
}

/** An individual decision against the applicant (in whole or in part) states how to appeal (Bestuursdecreet). */
function needsAppealRoute(decision: DossierDecisionView): boolean {
  return (
    decision.outcome === 'rejected' ||
    decision.outcome === 'inadmissible' ||
    decision.outcome === 'reserve' ||
    (decision.outcome === 'awarded' && decision.grantedCents < decision.requestedCents)
  );
}

function greeting(contactName: string): string {
  const name = contactName.trim();
  return name ? `Geachte ${name},` : 'Geachte mevrouw, geachte heer,';
}

/** The decision letter (Dutch) as a PDF. Text is not compressed, so it stays searchable and testable. */
export function decisionLetterPdf(input: LetterInput): Promise<Buffer> {
  const { decision, settings, call } = input;
  const info = call.information;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress: false,
    lang: 'nl-BE',
    info: {
      Title: `Beslissing ${decision.reference ?? ''}`.trim(),
      Subject: call.title,
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
  const write = (value: string, options: PDFKit.Mixins.TextOptions = {}, font = REGULAR) =>
    doc.font(font).text(value, RIGHT_TO_LEFT.test(value) ? options : { ...options, features: NO_LIGATURES });
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
  write(input.applicant.legalName);
  if (input.applicant.contactName.trim()) write(`t.a.v. ${input.applicant.contactName.trim()}`);
  write(input.applicant.address.street);
  write(`${input.applicant.address.postalCode} ${input.applicant.address.city}`);
  doc.moveDown(2);

  // References: the applicant knows their dossier by its number (the word of the receipt and the mails)
  const contact = {
    name: info.contactName ?? settings.contact.name,
    email: info.contactEmail ?? settings.contact.email,
    phone: info.contactPhone ?? (info.contactName ? '' : settings.contact.phone),
  };
  doc.fontSize(10);
  write(`Uw dossiernummer: ${decision.reference ?? '-'}`);
  write(`Ons kenmerk: ${decision.decisionReference ?? call.code}`);
  write(`Datum: ${nl.longDate(input.letterDate)}`);
  write(`Contactpersoon: ${[contact.name, contact.email, contact.phone].filter(Boolean).join(', ')}`);
  doc.moveDown(1.5);

  doc.fontSize(11);
  write(`Betreft: beslissing over uw subsidieaanvraag ${decision.reference ?? ''}`.trim(), {}, BOLD);
  write(`Oproep: ${call.title}`);
  doc.moveDown();
  write(greeting(input.applicant.contactName));
  doc.moveDown(0.5);
  write(outcomeParagraph(decision, input.title));

  const reason = selectionReasonText(decision.reason, 'nl');
  if (reason || decision.motivation || decision.scores.length) {
    heading('Motivering');
    if (reason) write(reason);
    if (decision.motivation) write(decision.motivation);
  }
  if (decision.scores.length) {
    doc.moveDown(0.5);
    write('De beoordelaars en de administratie gaven uw aanvraag deze scores:');
    for (const score of decision.scores) {
      doc.moveDown(0.3);
      const weight = nl.number(score.weight);
      write(`${score.label}: ${nl.score(score.score)} op ${nl.score(score.scaleMax)} (gewicht ${weight})`, {}, BOLD);
      if (score.motivation) write(score.motivation, { indent: 12 });
    }
    doc.moveDown(0.3);
    if (decision.total !== null) write(`Gewogen totaal: ${nl.score(decision.total)}`);
    if (decision.rank !== null) write(`Plaats in de rangschikking: ${decision.rank}`);
  }
  if (input.budgetNotes?.length) {
    heading('Budget van de oproep');
    for (const note of input.budgetNotes) write(note);
  }
  if (decision.outcome === 'awarded') {
    heading('Voorwaarden, uitbetaling en rapportering');
    write(info.awardConditions ?? settings.awardConditions);
    if (input.paymentLines?.length) {
      heading('Uitbetaling');
      write('De subsidie wordt in deze schijven uitbetaald, op de rekening die u bevestigt bij de aanvaarding:');
      for (const line of input.paymentLines) write(`- ${line}`, { indent: 12 });
    }
  }
  if (needsAppealRoute(decision)) {
    heading('Beroepsmogelijkheden');
    write(info.appealRoute ?? settings.appealRoute);
  }
  if (info.regulationUrl) {
    doc.moveDown();
    write(`De regels van de oproep: ${info.regulationUrl}`);
  }
  doc.moveDown();
  write(
    `Met vragen over deze beslissing kunt u terecht bij ${contact.name}${contact.email ? ` (${contact.email})` : ''}.`,
  );
  doc.moveDown();
  write('Met vriendelijke groeten,');
  doc.moveDown(1.5);
  write(settings.signatory.name, {}, BOLD);
  write(settings.signatory.title);
  write(`${settings.administration.name}, ${settings.signatory.mandate}`);
  doc.end();
  return done;
}
