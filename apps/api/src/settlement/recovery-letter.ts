import { humanFormat } from '@portal/domain';
import { greeting, openLetter } from '../assessment/letters/letter-layout';
import type { LetterSettings } from '../assessment/letters/letter-settings';
import type { SettlementDossier } from './settlement.repository';

export interface RecoveryLetterInput {
  dossier: Pick<SettlementDossier, 'reference' | 'title' | 'callCode' | 'callTitle' | 'callInformation' | 'applicant'>;
  settlement: {
    grantedCents: number;
    plannedCostsCents: number;
    acceptedCostsCents: number;
    entitledCents: number;
    paidCents: number;
  };
  amountCents: number;
  /** YYYY-MM-DD */
  dueOn: string;
  howToPay: { accountName: string; iban: string; bic: string; paymentReference: string };
  letterDate: Date;
  settings: LetterSettings;
}

const nl = humanFormat('nl');

/** The recovery letter (terugvordering, ADR 0025), Dutch, in the layout of the decision letters. */
export function recoveryLetterPdf(input: RecoveryLetterInput): Promise<Buffer> {
  const { dossier, settlement, settings } = input;
  const reference = dossier.reference ?? '-';
  const { write, heading, doc, contact, finish } = openLetter({
    settings,
    callInformation: dossier.callInformation,
    title: `Terugvordering ${reference}`,
    subject: dossier.callTitle,
    applicant: dossier.applicant,
    references: [
      ['Uw dossiernummer', reference],
      ['Ons kenmerk', input.howToPay.paymentReference],
    ],
    letterDate: input.letterDate,
  });
  write(`Betreft: terugvordering van een deel van de subsidie voor dossier ${reference}`, {}, 'Letter-Bold');
  write(`Oproep: ${dossier.callTitle}`);
  doc.moveDown();
  write(greeting(dossier.applicant.contactName));
  doc.moveDown(0.5);
  write(
    `De administratie keurde het eindrapport van uw project „${dossier.title}” goed. De aanvaarde kosten zijn lager dan de geplande kosten, zodat u recht hebt op een lager bedrag dan u al ontving. Wij vorderen het verschil terug: ${nl.euro(input.amountCents)}.`,
  );
  heading('Berekening');
  write(`Toegekende subsidie: ${nl.euro(settlement.grantedCents)}`);
  write(`Geplande kosten: ${nl.euro(settlement.plannedCostsCents)}`);
  write(`Aanvaarde kosten: ${nl.euro(settlement.acceptedCostsCents)}`);
  write(
    `Bedrag waarop u recht hebt (subsidie × aanvaarde kosten / geplande kosten, naar beneden afgerond op de cent): ${nl.euro(settlement.entitledCents)}`,
  );
  write(`Al uitbetaald: ${nl.euro(settlement.paidCents)}`);
  write(`Terug te betalen: ${nl.euro(input.amountCents)}`, {}, 'Letter-Bold');
  heading('Hoe betaalt u terug?');
  write(
    `Stort ${nl.euro(input.amountCents)} uiterlijk op ${nl.longDate(input.dueOn)} op rekening ${formatIban(input.howToPay.iban)} (BIC ${input.howToPay.bic}) van ${input.howToPay.accountName}, met de mededeling „${input.howToPay.paymentReference}”. U mag in delen betalen; zolang niet alles terugbetaald is, krijgt u na de vervaldag een herinnering.`,
  );
  heading('Beroepsmogelijkheden');
  write(dossier.callInformation.appealRoute ?? settings.appealRoute);
  doc.moveDown();
  write(
    `Met vragen over deze terugvordering kunt u terecht bij ${contact.name}${contact.email ? ` (${contact.email})` : ''}.`,
  );
  return finish();
}

/** "BE71 0961 2345 6769": the IBAN in groups of four, as it is printed on paper. */
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
