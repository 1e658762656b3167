import { contactLine, signature, type Templates } from './mail-text';

/** The mails after the final report (ADR 0025): the balance, a recorded repayment, a reminder of an open recovery. */
export const SETTLEMENT_TEMPLATES: Pick<Templates, 'settlement.computed' | 'recovery.repayment' | 'recovery.reminder'> =
  {
    'settlement.computed': {
      nl: {
        subject: (p) =>
          p.outcome === 'recovery'
            ? `Terugvordering voor dossier ${p.reference}: ${p.balanceEuro}`
            : `Saldo van uw subsidie voor dossier ${p.reference}`,
        body: (p) => [
          `Beste ${p.recipientName},`,
          `De administratie keurde het eindrapport van dossier ${p.reference} (oproep "${p.callTitle}") goed. Zo berekenden we het saldo van uw subsidie:`,
          [
            `- toegekende subsidie: ${p.grantedEuro}`,
            `- geplande kosten: ${p.plannedEuro}`,
            `- aanvaarde kosten: ${p.acceptedEuro}`,
            `- waar u recht op hebt (subsidie x aanvaarde / geplande kosten, hoogstens de subsidie): ${p.entitledEuro}`,
            `- al betaald: ${p.paidEuro}`,
          ].join('\n'),
          p.outcome === 'due'
            ? `U krijgt nog ${p.balanceEuro}. Dat bedrag wordt overgemaakt op de rekening die u bij de aanvaarding bevestigde.`
            : p.outcome === 'settled'
              ? 'U kreeg precies het bedrag waar u recht op hebt: er wordt niets meer betaald of teruggevorderd.'
              : `U kreeg ${p.balanceEuro} te veel. Wij vragen u dat bedrag uiterlijk op ${p.dueOn} terug te storten op rekening ${p.creditorIban} van ${p.creditorName}, met de mededeling "${p.paymentReference}". De brief met deze terugvordering vindt u bij uw dossier.`,
          ...(p.dossierUrl ? [`Uw dossier: ${p.dossierUrl}`] : []),
          contactLine(p.sender, 'nl'),
          signature(p.sender, 'nl'),
        ],
      },
      en: {
        subject: (p) =>
          p.outcome === 'recovery'
            ? `Recovery for dossier ${p.reference}: ${p.balanceEuro}`
            : `Balance of your grant for dossier ${p.reference}`,
        body: (p) => [
          `Dear ${p.recipientName},`,
          `The administration approved the final report of dossier ${p.reference} (call "${p.callTitle}"). This is how we computed the balance of your grant:`,
          [
            `- grant awarded: ${p.grantedEuro}`,
            `- planned costs: ${p.plannedEuro}`,
            `- accepted costs: ${p.acceptedEuro}`,
            `- what you are entitled to (grant x accepted / planned costs, at most the grant): ${p.entitledEuro}`,
            `- already paid: ${p.paidEuro}`,
          ].join('\n'),
          p.outcome === 'due'
            ? `You will still receive ${p.balanceEuro}, transferred to the account you confirmed when accepting.`
            : p.outcome === 'settled'
              ? 'You received exactly the amount you are entitled to: nothing more is paid or recovered.'
              : `You received ${p.balanceEuro} too much. Please transfer that amount by ${p.dueOn} to account ${p.creditorIban} of ${p.creditorName}, quoting "${p.paymentReference}". The letter with this recovery is with your dossier.`,
          ...(p.dossierUrl ? [`Your dossier: ${p.dossierUrl}`] : []),
          contactLine(p.sender, 'en'),
          signature(p.sender, 'en'),
        ],
      },
    },
    'recovery.repayment': {
      nl: {
        subject: (p) =>
          p.repaid
            ? `Terugvordering voor dossier ${p.reference} volledig terugbetaald`
            : `Terugbetaling ontvangen voor dossier ${p.reference}`,
        body: (p) => [
          `Beste ${p.recipientName},`,
          `We ontvingen op ${p.paidOn} een terugbetaling van ${p.amountEuro} voor dossier ${p.reference} (oproep "${p.callTitle}").`,
          p.repaid
            ? 'Daarmee is de terugvordering volledig terugbetaald. Dank u wel.'
            : `Er staat nog ${p.openEuro} open.`,
          ...(p.dossierUrl ? [`Uw dossier: ${p.dossierUrl}`] : []),
          contactLine(p.sender, 'nl'),
          signature(p.sender, 'nl'),
        ],
      },
      en: {
        subject: (p) =>
          p.repaid
            ? `Recovery for dossier ${p.reference} fully repaid`
            : `Repayment received for dossier ${p.reference}`,
        body: (p) => [
          `Dear ${p.recipientName},`,
          `On ${p.paidOn} we received a repayment of ${p.amountEuro} for dossier ${p.reference} (call "${p.callTitle}").`,
          p.repaid ? 'The recovery is now fully repaid. Thank you.' : `${p.openEuro} is still open.`,
          ...(p.dossierUrl ? [`Your dossier: ${p.dossierUrl}`] : []),
          contactLine(p.sender, 'en'),
          signature(p.sender, 'en'),
        ],
      },
    },
    'recovery.reminder': {
      nl: {
        subject: (p) => `Herinnering: terugbetaling voor dossier ${p.reference}`,
        body: (p) => [
          `Beste ${p.recipientName},`,
          `Voor dossier ${p.reference} (oproep "${p.callTitle}") vroegen we u ${p.openEuro} terug te storten uiterlijk op ${p.dueOn}. We ontvingen dat bedrag nog niet.`,
          `Stort het op rekening ${p.creditorIban} van ${p.creditorName}, met de mededeling "${p.paymentReference}".`,
          ...(p.dossierUrl ? [`Uw dossier: ${p.dossierUrl}`] : []),
          contactLine(p.sender, 'nl'),
          signature(p.sender, 'nl'),
        ],
      },
      en: {
        subject: (p) => `Reminder: repayment for dossier ${p.reference}`,
        body: (p) => [
          `Dear ${p.recipientName},`,
          `For dossier ${p.reference} (call "${p.callTitle}") we asked you to transfer ${p.openEuro} back by ${p.dueOn}. We have not received it yet.`,
          `Please transfer it to account ${p.creditorIban} of ${p.creditorName}, quoting "${p.paymentReference}".`,
          ...(p.dossierUrl ? [`Your dossier: ${p.dossierUrl}`] : []),
          contactLine(p.sender, 'en'),
          signature(p.sender, 'en'),
        ],
      },
    },
  };
