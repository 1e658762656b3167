import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { selectionReasonText, type DossierDecisionView } from '@portal/contracts';
import { formatEuro } from '@portal/domain';

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
const BOLD = 'Letter-Bold';

export interface LetterInput {
  decision: DossierDecisionView;
  callTitle: string;
  applicant: { legalName: string; address: { street: string; postalCode: string; city: string } };
  title: string;
  /** The call's budget decisions after the assessment started (ADR 0009), one sentence each. */
  budgetNotes?: string[];
}

function outcomeParagraph(decision: DossierDecisionView): string {
  switch (decision.outcome) {
    case 'awarded':
      return `Wij hebben het genoegen u te melden dat de minister u een subsidie van ${formatEuro(decision.grantedCents)} toekent.`;
    case 'declined':
      return 'De minister kende u een subsidie toe; u liet ons weten dat u ervan afziet. Deze brief bevestigt dat.';
    case 'reserve':
      return `Uw aanvraag werd niet geselecteerd, maar staat op plaats ${decision.reservePosition ?? '-'} van de reservelijst. Als een geselecteerde aanvrager afziet van de subsidie, kan uw aanvraag alsnog in aanmerking komen.`;
    case 'rejected':
      return 'Wij moeten u helaas meedelen dat de minister uw aanvraag niet selecteerde.';
    case 'inadmissible':
      return 'Wij moeten u helaas meedelen dat uw aanvraag niet ontvankelijk is en daarom niet verder beoordeeld werd.';
    default:
      return '';
  }
}

/** The decision letter (Dutch) as a PDF. Text is not compressed, so it stays searchable and testable. */
export function decisionLetterPdf(input: LetterInput): Promise<Buffer> {
  const { decision } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress: false,
    lang: 'nl-BE',
    info: {
      Title: `Beslissing ${decision.reference ?? ''}`.trim(),
      Subject: input.callTitle,
      Author: 'Vlaamse overheid',
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

  doc.font(BOLD).fontSize(14).text('Vlaamse overheid');
  doc.font(REGULAR).fontSize(10).text('Subsidieportaal — oproepen welzijn, jeugd en armoedebestrijding');
  doc.moveDown(2);
  doc.fontSize(11).text(input.applicant.legalName);
  doc.text(input.applicant.address.street);
  doc.text(`${input.applicant.address.postalCode} ${input.applicant.address.city}`);
  doc.moveDown(2);
  doc.font(BOLD).text(`Betreft: beslissing over uw subsidieaanvraag ${decision.reference ?? ''}`);
  doc.font(REGULAR).text(`Oproep: ${input.callTitle}`);
  doc.text(`Project: ${input.title}`);
  if (decision.decisionDate) doc.text(`Datum van de beslissing: ${decision.decisionDate}`);
  if (decision.decisionReference) doc.text(`Referentie van de beslissing: ${decision.decisionReference}`);
  doc.moveDown();
  doc.text('Geachte,');
  doc.moveDown(0.5);
  doc.text(outcomeParagraph(decision));
  const reason = selectionReasonText(decision.reason, 'nl');
  if (reason) {
    doc.moveDown(0.5);
    doc.text(reason);
  }
  if (decision.motivation) {
    doc.moveDown(0.5);
    doc.font(BOLD).text('Motivering');
    doc.font(REGULAR).text(decision.motivation);
  }
  if (input.budgetNotes?.length) {
    doc.moveDown();
    doc.font('Helvetica-Bold').text('Budget van de oproep');
    doc.font('Helvetica');
    for (const note of input.budgetNotes) doc.text(note);
  }
  if (decision.scores.length) {
    doc.moveDown();
    doc.font(BOLD).text('Uw scores');
    doc.font(REGULAR);
    for (const score of decision.scores) {
      doc.text(`${score.label}: ${score.score} / ${score.scaleMax} (gewicht ${score.weight})`);
    }
    if (decision.total !== null) doc.text(`Gewogen totaal: ${decision.total}`);
    if (decision.rank !== null) doc.text(`Plaats in de rangschikking: ${decision.rank}`);
  }
  doc.moveDown();
  doc.text('Met vragen over deze beslissing kunt u terecht bij de administratie via het subsidieportaal.');
  doc.moveDown();
  doc.text('Met vriendelijke groeten,');
  doc.text('De administratie, in opdracht van de minister');
  doc.end();
  return done;
}
