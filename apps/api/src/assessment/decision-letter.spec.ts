import type { DossierDecisionView } from '@portal/contracts';
import { pdfText } from '../../../../test/support/pdf-text';
import { decisionLetterPdf } from './decision-letter';

const decision = {
  outcome: 'awarded',
  grantedCents: 7_000_000,
  reference: 'GV-CONNECT-2026-0001',
  decisionDate: '2026-06-08',
  decisionReference: 'MB-2026-CJM-0608',
  reason: null,
  motivation: 'Sterk project.',
  scores: [],
  total: null,
  rank: null,
  reservePosition: null,
} as unknown as DossierDecisionView;

async function letterFor(legalName: string): Promise<string> {
  const pdf = await decisionLetterPdf({
    decision,
    callTitle: 'Connecteren van kwetsbare kinderen en jongeren',
    title: 'Zomer in de buurt',
    applicant: { legalName, address: { street: 'Stationsstraat 10', postalCode: '2000', city: 'Antwerpen' } },
  });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return pdfText(pdf);
}

/** pdfkit lays a right-to-left word out in visual order, so its glyphs read back last letter first. */
const visual = (word: string) => [...word].reverse().join('');

describe('the decision letter renders names outside Latin-1 with an embedded Unicode font', () => {
  it('Latin Extended, Greek and Cyrillic read back exactly', async () => {
    const name = 'vzw Zoë Łódź Ştefan Ærøskøbing – Ελληνική Κοινότητα – Общество «Мост»';
    const text = await letterFor(name);
    expect(text).toContain(name);
    expect(text).toContain('subsidie van € 70.000,00');
    expect(text).not.toContain('\uFFFD');
  });

  it('Hebrew, Arabic, Armenian and Georgian have glyphs (right-to-left words in visual order)', async () => {
    const text = await letterFor('עמותת الجسر Հայաստան საქართველო');
    expect(text).toContain(visual('עמותת'));
    expect(text).toContain(visual('الجسر'));
    expect(text).toContain('Հայաստան საქართველო');
    expect(text).not.toContain('\uFFFD');
  });

  it('has no glyphs for Chinese: those characters are boxes (a known limit, see the NOTICE)', async () => {
    const text = await letterFor('北京青年协会 vzw');
    expect(text).toContain('\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD vzw');
  });
});
