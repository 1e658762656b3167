import { contactLine, signature, type Templates } from './mail-text';

/** The mails after the decision (ADR 0023): acceptance recorded, acceptance reminder, a tranche paid. */
export const FUNDING_TEMPLATES: Pick<
  Templates,
  'award.acceptance_recorded' | 'award.acceptance_reminder' | 'payment.paid'
> = {
  'award.acceptance_recorded': {
    nl: {
      subject: (p) =>
        p.accepted
          ? `U aanvaardde de beslissing over dossier ${p.reference}`
          : `U weigerde de subsidie voor dossier ${p.reference}`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        p.accepted
          ? `Op ${p.decidedAtBrussels} aanvaardde uw organisatie de beslissing en de voorwaarden van de subsidie voor dossier ${p.reference} (oproep "${p.callTitle}").`
          : `Op ${p.decidedAtBrussels} liet uw organisatie weten dat ze de subsidie voor dossier ${p.reference} (oproep "${p.callTitle}") niet aanvaardt. De administratie neemt contact met u op als dat nodig is.`,
        ...(p.accepted && p.tranches.length
          ? [`De subsidie wordt zo uitbetaald:\n${p.tranches.map((t) => `- ${t}`).join('\n')}`]
          : []),
        `Kenmerk van de voorwaarden die u aanvaardde (SHA-256): ${p.conditionsSha256}`,
        ...(p.dossierUrl ? [`Uw dossier: ${p.dossierUrl}`] : []),
        contactLine(p.sender, 'nl'),
        signature(p.sender, 'nl'),
      ],
    },
    en: {
      subject: (p) =>
        p.accepted
          ? `You accepted the decision on dossier ${p.reference}`
          : `You declined the grant for dossier ${p.reference}`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        p.accepted
          ? `On ${p.decidedAtBrussels} your organisation accepted the decision and the conditions of the grant for dossier ${p.reference} (call "${p.callTitle}").`
          : `On ${p.decidedAtBrussels} your organisation said it does not accept the grant for dossier ${p.reference} (call "${p.callTitle}"). The administration will contact you if needed.`,
        ...(p.accepted && p.tranches.length
          ? [`The grant is paid as follows:\n${p.tranches.map((t) => `- ${t}`).join('\n')}`]
          : []),
        `Fingerprint of the conditions you accepted (SHA-256): ${p.conditionsSha256}`,
        ...(p.dossierUrl ? [`Your dossier: ${p.dossierUrl}`] : []),
        contactLine(p.sender, 'en'),
        signature(p.sender, 'en'),
      ],
    },
  },
  'award.acceptance_reminder': {
    nl: {
      subject: (p) => `Herinnering: aanvaard de subsidie voor dossier ${p.reference}`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        `Aan uw dossier ${p.reference} (oproep "${p.callTitle}") werd een subsidie van ${p.grantedEuro} toegekend. Uw organisatie heeft de beslissing en de voorwaarden nog niet aanvaard in het Subsidieportaal.`,
        'Zolang u ze niet aanvaardt, kan er niets uitbetaald worden.',
        ...(p.dossierUrl ? [`Aanvaarden of weigeren: ${p.dossierUrl}`] : []),
        contactLine(p.sender, 'nl'),
        signature(p.sender, 'nl'),
      ],
    },
    en: {
      subject: (p) => `Reminder: accept the grant for dossier ${p.reference}`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        `Your dossier ${p.reference} (call "${p.callTitle}") was awarded a grant of ${p.grantedEuro}. Your organisation has not yet accepted the decision and its conditions in the grant portal.`,
        'Nothing can be paid until you accept them.',
        ...(p.dossierUrl ? [`Accept or decline: ${p.dossierUrl}`] : []),
        contactLine(p.sender, 'en'),
        signature(p.sender, 'en'),
      ],
    },
  },
  'payment.paid': {
    nl: {
      subject: (p) => `Betaling voor dossier ${p.reference}: ${p.amountEuro}`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        `Op ${p.executionDate} werd ${p.amountEuro} (${p.trancheLabel}) voor dossier ${p.reference} (oproep "${p.callTitle}") overgemaakt op rekening ${p.ibanMasked}.`,
        ...(p.dossierUrl ? [`Uw dossier: ${p.dossierUrl}`] : []),
        contactLine(p.sender, 'nl'),
        signature(p.sender, 'nl'),
      ],
    },
    en: {
      subject: (p) => `Payment for dossier ${p.reference}: ${p.amountEuro}`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        `On ${p.executionDate} ${p.amountEuro} (${p.trancheLabel}) for dossier ${p.reference} (call "${p.callTitle}") was transferred to account ${p.ibanMasked}.`,
        ...(p.dossierUrl ? [`Your dossier: ${p.dossierUrl}`] : []),
        contactLine(p.sender, 'en'),
        signature(p.sender, 'en'),
      ],
    },
  },
};
