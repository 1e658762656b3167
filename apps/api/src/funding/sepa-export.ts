import { centsToDecimal, sepaText } from '@portal/domain';
import SEPA from 'sepa';

export interface Debtor {
  name: string;
  iban: string;
  bic: string;
}

export interface TransferLine {
  creditorName: string;
  creditorIban: string;
  amountCents: number;
  /** Unique per transfer within the batch, e.g. the dossier reference and the tranche. */
  endToEndId: string;
  remittance: string;
}

/** The pain.001 message id: the batch id without dashes, short enough for the ids derived from it (35 characters). */
export function sepaMessageId(batchId: string): string {
  return `PB${batchId.replace(/-/g, '').slice(0, 20).toUpperCase()}`;
}

/**
 * A SEPA credit transfer initiation (ISO 20022 pain.001.001.03) built with the sepa package (ADR 0023): one payment
 * information block, one transaction per line. Amounts go in as euro with two decimals from integer cents; the
 * control sum the package computes is checked against the exact sum of the cents before the file leaves.
 */
export function sepaCreditTransfer(input: {
  batchId: string;
  createdAt: Date;
  executionDate: Date;
  debtor: Debtor;
  lines: readonly TransferLine[];
}): string {
  const doc = new SEPA.Document('pain.001.001.03');
  const messageId = sepaMessageId(input.batchId);
  doc.grpHdr.id = messageId;
  doc.grpHdr.created = input.createdAt;
  doc.grpHdr.initiatorName = sepaText(input.debtor.name, 70);
  const info = doc.createPaymentInfo();
  info.id = '1';
  info.requestedExecutionDate = input.executionDate;
  info.debtorName = sepaText(input.debtor.name, 70);
  info.debtorIBAN = input.debtor.iban;
  info.debtorBIC = input.debtor.bic;
  info.batchBooking = false;
  doc.addPaymentInfo(info);
  for (const line of input.lines) {
    const transaction = info.createTransaction();
    transaction.creditorName = sepaText(line.creditorName, 70) || 'Begunstigde';
    transaction.creditorIBAN = line.creditorIban;
    transaction.amount = Number(centsToDecimal(line.amountCents));
    transaction.remittanceInfo = sepaText(line.remittance, 140);
    transaction.end2endId = sepaText(line.endToEndId, 35);
    info.addTransaction(transaction);
  }
  const xml = doc.toString();
  const exact = centsToDecimal(input.lines.reduce((sum, line) => sum + line.amountCents, 0));
  if (!xml.includes(`<CtrlSum>${exact}</CtrlSum>`))
    throw new Error(`SEPA control sum differs from the exact sum ${exact ?? '?'}`);
  return xml;
}

/** The same batch as CSV (semicolon-separated, as spreadsheets in Belgium expect; amounts with a decimal point). */
export function transfersCsv(lines: readonly TransferLine[]): string {
  const cell = (value: string) => (/[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const guard = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  const header = ['end_to_end_id', 'creditor_name', 'creditor_iban', 'amount_eur', 'remittance'];
  const rows = lines.map((line) =>
    [line.endToEndId, line.creditorName, line.creditorIban, centsToDecimal(line.amountCents) ?? '', line.remittance]
      .map((value) => cell(guard(value)))
      .join(';'),
  );
  return `\uFEFF${[header.join(';'), ...rows].join('\r\n')}\r\n`;
}
