import { pdfText } from '../../../../test/support/pdf-text';
import { DEFAULT_LETTER_SETTINGS } from '../assessment/letters/letter-settings';
import { formatIban, recoveryLetterPdf, type RecoveryLetterInput } from './recovery-letter';

const input: RecoveryLetterInput = {
  dossier: {
    reference: 'GV-CONNECT-2026-0001',
    title: 'Zomer in de buurt',
    callCode: 'GV-CONNECT-2026',
    callTitle: 'Connecteren van kwetsbare kinderen en jongeren',
    callInformation: {},
    applicant: {
      legalName: 'vzw De Brug – Łódź',
      contactName: 'An Peeters',
      address: { street: 'Stationsstraat 10', postalCode: '2000', city: 'Antwerpen' },
    },
  },
  settlement: {
    grantedCents: 2_800_000,
    plannedCostsCents: 8_000_000,
    acceptedCostsCents: 3_000_000,
    entitledCents: 1_050_000,
    paidCents: 2_240_000,
  },
  amountCents: 1_190_000,
  dueOn: '2027-01-01',
  howToPay: {
    accountName: 'Vlaamse overheid Departement CJM',
    iban: 'BE71096123456769',
    bic: 'GKCCBEBB',
    paymentReference: 'Terugvordering GV-CONNECT-2026-0001',
  },
  letterDate: new Date('2026-12-02T10:00:00Z'),
  settings: DEFAULT_LETTER_SETTINGS,
};

describe('the recovery letter', () => {
  it('reads back: addressee, references, the computation to the cent, how and by when to repay, appeal, signature', async () => {
    const pdf = await recoveryLetterPdf(input);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Vlaamse overheid');
    expect(text).toContain('vzw De Brug – Łódź');
    expect(text).toContain('t.a.v. An Peeters');
    expect(text).toContain('Uw dossiernummer: GV-CONNECT-2026-0001');
    expect(text).toContain('Ons kenmerk: Terugvordering GV-CONNECT-2026-0001');
    expect(text).toContain('Datum: 2 december 2026');
    expect(text).toContain('Geachte An Peeters,');
    expect(text).toContain('Toegekende subsidie: € 28.000,00');
    expect(text).toContain('Geplande kosten: € 80.000,00');
    expect(text).toContain('Aanvaarde kosten: € 30.000,00');
    expect(text).toContain('naar beneden afgerond op de cent): € 10.500,00');
    expect(text).toContain('Al uitbetaald: € 22.400,00');
    expect(text).toContain('Terug te betalen: € 11.900,00');
    expect(text).toContain('uiterlijk op 1 januari 2027 op rekening BE71 0961 2345 6769 (BIC GKCCBEBB)');
    expect(text).toContain('mededeling „Terugvordering GV-CONNECT-2026-0001”');
    expect(text).toContain('Beroepsmogelijkheden');
    expect(text).toContain('Raad van State');
    expect(text).toContain(DEFAULT_LETTER_SETTINGS.signatory.name);
    expect(text).not.toContain('\uFFFD');
  });

  it('prints an IBAN in groups of four', () => {
    expect(formatIban('BE71096123456769')).toBe('BE71 0961 2345 6769');
    expect(formatIban('BE71 0961 2345 6769')).toBe('BE71 0961 2345 6769');
  });
});
