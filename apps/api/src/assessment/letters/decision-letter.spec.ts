import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DossierDecisionView } from '@portal/contracts';
import { pdfText } from '../../../../../test/support/pdf-text';
import { decisionLetterPdf, type LetterInput } from './decision-letter';
import { DEFAULT_LETTER_SETTINGS, loadLetterSettings } from './letter-settings';

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
  requestedCents: 7_000_000,
} as unknown as DossierDecisionView;

const base: Omit<LetterInput, 'decision'> = {
  call: { code: 'GV-CONNECT-2026', title: 'Connecteren van kwetsbare kinderen en jongeren', information: {} },
  title: 'Zomer in de buurt',
  applicant: {
    legalName: 'vzw De Brug',
    contactName: 'An Peeters',
    address: { street: 'Stationsstraat 10', postalCode: '2000', city: 'Antwerpen' },
  },
  letterDate: new Date('2026-06-10T08:00:00Z'),
  settings: DEFAULT_LETTER_SETTINGS,
};

async function letter(overrides: Partial<DossierDecisionView>, input: Partial<LetterInput> = {}): Promise<string> {
  const pdf = await decisionLetterPdf({ ...base, ...input, decision: { ...decision, ...overrides } });
  return pdfText(pdf).replace(/\s+/g, ' ');
}

async function letterFor(legalName: string): Promise<string> {
  const pdf = await decisionLetterPdf({ ...base, applicant: { ...base.applicant, legalName }, decision });
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
    expect(text).toContain('subsidie toe van € 70.000,00');
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

const scores = [
  {
    criterionCode: 'TARGET',
    label: 'Bereik van kwetsbare kinderen',
    score: 3.5,
    weight: 3,
    scaleMax: 5,
    motivation: 'Het bereik is goed onderbouwd.',
  },
  { criterionCode: 'BUDGET', label: 'Realistische begroting', score: 1.5, weight: 1, scaleMax: 5, motivation: null },
];

describe('the decision letter is a letter an administration signs', () => {
  it('an award: sender, addressee by name, Dutch dates, references, the decision, conditions and the signature', async () => {
    const text = await letter({ scores, total: 12, rank: 4 });
    expect(text).toContain('Vlaamse overheid Departement Cultuur, Jeugd en Media Arenbergstraat 9 1000 Brussel');
    expect(text).toContain('vzw De Brug t.a.v. An Peeters Stationsstraat 10 2000 Antwerpen');
    expect(text).toContain('Uw dossiernummer: GV-CONNECT-2026-0001');
    expect(text).toContain('Ons kenmerk: MB-2026-CJM-0608');
    expect(text).toContain('Datum: 10 juni 2026');
    expect(text).toContain('Geachte An Peeters,');
    expect(text).toContain(
      'Bij ministerieel besluit van 8 juni 2026 (MB-2026-CJM-0608) kende de minister voor uw project „Zomer in de buurt” de gevraagde subsidie toe van € 70.000,00.',
    );
    expect(text).toContain('Bereik van kwetsbare kinderen: 3,5 op 5 (gewicht 3) Het bereik is goed onderbouwd.');
    expect(text).toContain('Realistische begroting: 1,5 op 5 (gewicht 1)');
    expect(text).toContain('Voorwaarden, uitbetaling en rapportering');
    expect(text).toContain('voorschot van 80%');
    expect(text).not.toContain('Beroepsmogelijkheden');
    expect(text).toContain('Met vriendelijke groeten, Het afdelingshoofd Afdeling Subsidies');
    expect(text).toContain('in opdracht van de minister');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toContain('1.5');
  });

  it('a partial award names both amounts and the appeal route', async () => {
    const text = await letter({ grantedCents: 5_000_000 });
    expect(text).toContain('een subsidie toe van € 50.000,00. U vroeg € 70.000,00');
    expect(text).toContain('Beroepsmogelijkheden');
    expect(text).toContain('Raad van State');
  });

  it('a rejection gives the motivation and the appeal route with its term; the call’s own route comes first', async () => {
    const text = await letter({
      outcome: 'rejected',
      grantedCents: 0,
      scores,
      reason: null,
      motivation: 'Onder de drempel.',
    });
    expect(text).toContain('besliste de minister uw project „Zomer in de buurt” niet te subsidiëren');
    expect(text).toContain('Motivering Onder de drempel.');
    expect(text).toContain('binnen zestig dagen na de kennisgeving');
    expect(text).not.toContain('Voorwaarden, uitbetaling');
    const own = await letter(
      { outcome: 'rejected', grantedCents: 0 },
      { call: { ...base.call, information: { appealRoute: 'Beroep binnen 30 dagen bij de secretaris-generaal.' } } },
    );
    expect(own).toContain('Beroep binnen 30 dagen bij de secretaris-generaal.');
    expect(own).not.toContain('Raad van State');
  });

  it('a reserve place says where on the list, and how to appeal', async () => {
    const text = await letter({ outcome: 'reserve', grantedCents: 0, reservePosition: 2 });
    expect(text).toContain('plaatste het op plaats 2 van de reservelijst');
    expect(text).toContain('Beroepsmogelijkheden');
  });

  it('a letter without a contact name greets both forms of address', async () => {
    const text = await letter({}, { applicant: { ...base.applicant, contactName: ' ' } });
    expect(text).toContain('Geachte mevrouw, geachte heer,');
  });
});

describe('letter settings are configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'letters-'));
  const file = (name: string, content: unknown) => {
    const path = `${dir}/${name}`;
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('overlays a JSON file on the defaults and the letter uses it', async () => {
    const settings = loadLetterSettings(
      file('ok.json', { administration: { name: 'Agentschap Binnenlands Bestuur' }, signatory: { name: 'Eva Claes' } }),
    );
    expect(settings.administration.government).toBe('Vlaamse overheid');
    const text = await letter({}, { settings });
    expect(text).toContain('Agentschap Binnenlands Bestuur');
    expect(text).toContain('Eva Claes');
  });

  it('refuses unknown keys, wrong types and broken JSON, naming the setting', () => {
    expect(() => loadLetterSettings(file('unknown.json', { signatory: { nickname: 'x' } }))).toThrow(
      'LETTER_SETTINGS_FILE.signatory.nickname: unknown setting',
    );
    expect(() => loadLetterSettings(file('type.json', { administration: { address: 'one line' } }))).toThrow(
      'LETTER_SETTINGS_FILE.administration.address: expected a list of non-empty texts',
    );
    expect(() => loadLetterSettings(file('broken.json', '{ "administration": '))).toThrow('LETTER_SETTINGS_FILE');
  });
});
