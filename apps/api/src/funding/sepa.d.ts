// The sepa package (kewisch/sepa.js) ships no type declarations: the part of its API the portal uses.
declare module 'sepa' {
  interface SepaTransaction {
    creditorName: string;
    creditorIBAN: string;
    creditorBIC: string;
    amount: number;
    currency: string;
    remittanceInfo: string;
    end2endId: string;
  }
  interface SepaPaymentInfo {
    id: string;
    requestedExecutionDate: Date;
    debtorName: string;
    debtorIBAN: string;
    debtorBIC: string;
    batchBooking: boolean;
    controlSum: number;
    createTransaction(): SepaTransaction;
    addTransaction(transaction: SepaTransaction): void;
  }
  class SepaDocument {
    constructor(format: string);
    grpHdr: { id: string; created: Date; initiatorName: string; controlSum: number; transactionCount: number };
    createPaymentInfo(): SepaPaymentInfo;
    addPaymentInfo(info: SepaPaymentInfo): void;
    toString(): string;
  }
  const SEPA: { Document: typeof SepaDocument; validateIBAN(iban: string): boolean };
  export default SEPA;
  export { SepaDocument as Document };
}
