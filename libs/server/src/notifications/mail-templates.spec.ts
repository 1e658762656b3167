import { NOTIFICATION_TEMPLATES, type NotificationPayloads, type NotificationTemplate } from '@portal/contracts';
import { renderMail } from './mail-templates';

/** One valid payload per template; a template added to contracts without one here is a compile error. */
const SAMPLES: NotificationPayloads = {
  'dossier.submitted': {
    recipientName: 'An Peeters',
    reference: 'GV-CONNECT-2026-0001',
    title: 'Zomer in de buurt',
    callTitle: 'Connectie',
    submittedAt: '2026-05-22T21:59:59.000Z',
    submittedAtBrussels: '22/05/2026 23:59:59',
    contentHash: 'ab'.repeat(32),
    submissionNumber: 1,
    receiptUrl: 'https://portaal.example/aanvrager/dossiers/1/ontvangstbewijs',
  },
  'dossier.withdrawn': { title: 'Zomer in de buurt', callTitle: 'Connectie' },
  'dossier.reminder': {
    recipientName: 'An Peeters',
    title: '',
    callTitle: 'Connectie',
    closesAtBrussels: '22/05/2026 23:59',
    offsetMinutes: 1440,
    dossierUrl: 'https://portaal.example/aanvrager/dossiers/1',
  },
  'applicant.invitation': {
    inviterName: 'An Peeters',
    applicantName: 'vzw De Buurt',
    acceptUrl: 'https://portaal.example/uitnodiging/abc',
    expiresAtBrussels: '05/06/2026 10:00',
  },
  'proposal.sent': {
    recipientName: 'Minister',
    callTitle: 'Connectie',
    grantedEuro: '€ 100.000,00',
    budgetEuro: '€ 120.000,00',
    count: 4,
  },
  'dossier.decision': {
    recipientName: 'An Peeters',
    reference: 'GV-CONNECT-2026-0001',
    title: 'Zomer in de buurt',
    callTitle: 'Connectie',
    outcome: 'rejected',
    reason: null,
    grantedEuro: '€ 0,00',
    decisionDate: '01/07/2026',
    decisionReference: 'MB-2026-7',
  },
  'dossier.admissibility': {
    recipientName: 'An Peeters',
    reference: null,
    callTitle: 'Connectie',
    decision: 'admissible',
    motivation: 'Volledig en tijdig.',
  },
  'review.assigned': { recipientName: 'Bea', reference: 'GV-CONNECT-2026-0001', callTitle: 'Connectie' },
  'review.reminder': { recipientName: 'Bea', open: 2 },
  'report.submitted': {
    recipientName: 'An Peeters',
    reference: 'GV-CONNECT-2026-0001',
    title: 'Zomer in de buurt',
    callTitle: 'Connectie',
    reportKind: 'final',
    submittedAtBrussels: '15/01/2027 10:00',
    reportUrl: 'https://portaal.example/aanvrager/dossiers/1/rapporten/final',
  },
  'report.decided': {
    recipientName: 'An Peeters',
    reference: 'GV-CONNECT-2026-0001',
    title: 'Zomer in de buurt',
    callTitle: 'Connectie',
    reportKind: 'final',
    decision: 'approved',
    motivation: null,
    acceptedEuro: '€ 28.000,00',
    reportUrl: 'https://portaal.example/aanvrager/dossiers/1/rapporten/final',
  },
  'report.due_reminder': {
    recipientName: 'An Peeters',
    reference: 'GV-CONNECT-2026-0001',
    title: 'Zomer in de buurt',
    callTitle: 'Connectie',
    reportKind: 'interim',
    dueAtBrussels: '30/09/2026 17:00',
    overdue: true,
    reportUrl: 'https://portaal.example/aanvrager/dossiers/1/rapporten/interim',
  },
  'change_request.submitted': {
    recipientName: 'An Peeters',
    reference: 'GV-CONNECT-2026-0001',
    title: 'Zomer in de buurt',
    callTitle: 'Connectie',
    changeKind: 'period',
    dossierUrl: 'https://portaal.example/aanvrager/dossiers/1/opvolging',
  },
  'change_request.decided': {
    recipientName: 'An Peeters',
    reference: 'GV-CONNECT-2026-0001',
    title: 'Zomer in de buurt',
    callTitle: 'Connectie',
    changeKind: 'partner',
    decision: 'refused',
    motivation: 'De nieuwe partner werkt niet in Vlaanderen.',
    dossierUrl: 'https://portaal.example/aanvrager/dossiers/1/opvolging',
  },
  'award.acceptance_recorded': {
    recipientName: 'An Peeters',
    reference: 'CJM-2026-0001',
    callTitle: 'Connectie',
    accepted: true,
    decidedAtBrussels: '02/12/2026 10:00',
    conditionsSha256: 'a'.repeat(64),
    tranches: ['schijf 1 (80 %) na de aanvaarding van de beslissing: € 22.400,00'],
    dossierUrl: 'https://portaal.example/aanvrager/dossiers/1',
  },
  'award.acceptance_reminder': {
    recipientName: 'An Peeters',
    reference: 'CJM-2026-0001',
    callTitle: 'Connectie',
    grantedEuro: '€ 28.000,00',
    dossierUrl: 'https://portaal.example/aanvrager/dossiers/1',
  },
  'payment.paid': {
    recipientName: 'An Peeters',
    reference: 'CJM-2026-0001',
    callTitle: 'Connectie',
    trancheLabel: 'schijf 1 (80 %) na de aanvaarding van de beslissing',
    amountEuro: '€ 22.400,00',
    executionDate: '2026-12-04',
    ibanMasked: 'BE68 **** 7034',
    dossierUrl: 'https://portaal.example/aanvrager/dossiers/1',
  },
  'settlement.computed': {
    recipientName: 'An Peeters',
    reference: 'CJM-2026-0001',
    callTitle: 'Connectie',
    grantedEuro: '€ 28.000,00',
    plannedEuro: '€ 40.000,00',
    acceptedEuro: '€ 20.000,00',
    entitledEuro: '€ 14.000,00',
    paidEuro: '€ 22.400,00',
    balanceEuro: '€ 8.400,00',
    outcome: 'recovery',
    dueOn: '1 januari 2027',
    creditorName: 'Vlaamse overheid Departement CJM',
    creditorIban: 'BE71 0961 2345 6769',
    paymentReference: 'Terugvordering CJM-2026-0001',
    dossierUrl: 'https://portaal.example/aanvrager/dossiers/1/opvolging',
  },
  'recovery.repayment': {
    recipientName: 'An Peeters',
    reference: 'CJM-2026-0001',
    callTitle: 'Connectie',
    amountEuro: '€ 3.000,00',
    paidOn: '10 december 2026',
    openEuro: '€ 5.400,00',
    repaid: false,
  },
  'recovery.reminder': {
    recipientName: 'An Peeters',
    reference: 'CJM-2026-0001',
    callTitle: 'Connectie',
    openEuro: '€ 5.400,00',
    dueOn: '1 januari 2027',
    creditorName: 'Vlaamse overheid Departement CJM',
    creditorIban: 'BE71 0961 2345 6769',
    paymentReference: 'Terugvordering CJM-2026-0001',
  },
  'review.due_reminder': {
    recipientName: 'Bea',
    callTitle: 'Connectie',
    open: 2,
    dueAtBrussels: '15/06/2026 17:00',
    overdue: false,
  },
  'auth.password_reset': {
    recipientName: 'An Peeters',
    resetUrl: 'https://portaal.example/wachtwoord/abc',
    expiresAtBrussels: '22/05/2026 11:00',
  },
  'staff.invitation': {
    inviterName: 'An Peeters',
    roles: ['reviewer', 'admin'],
    acceptUrl: 'https://portaal.example/medewerker-uitnodiging/abc',
    expiresAtBrussels: '05/06/2026 10:00',
  },
  'auth.email_verification': {
    recipientName: 'An Peeters',
    verifyUrl: 'https://portaal.example/e-mailadres-bevestigen/abc',
    expiresAtBrussels: '24/05/2026 10:00',
  },
  'applicant.verification': {
    recipientName: 'An Peeters',
    applicantName: 'vzw De Buurt',
    decision: 'rejected',
    motivation: 'Het ondernemingsnummer hoort bij een andere vereniging.',
  },
  'auth.password_changed': {
    recipientName: 'An Peeters',
    changedAtBrussels: '22/05/2026 10:00',
    how: 'reset',
    forgotUrl: 'https://portaal.example/wachtwoord-vergeten',
  },
};

describe('renderMail', () => {
  it.each(
    NOTIFICATION_TEMPLATES.flatMap((template) =>
      (['nl', 'en'] as const).map((locale): [NotificationTemplate, 'nl' | 'en'] => [template, locale]),
    ),
  )('renders %s in %s without holes', (template, locale) => {
    const mail = renderMail(template, locale, SAMPLES[template]);
    expect(mail.subject.length).toBeGreaterThan(0);
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/undefined|null|\[object/);
  });

  it('puts the link of a reset mail in the text', () => {
    expect(renderMail('auth.password_reset', 'nl', SAMPLES['auth.password_reset']).text).toContain(
      'https://portaal.example/wachtwoord/abc',
    );
  });

  it('confirms a submission with the words of the receipt, a real link, the contact, the next steps and a signature', () => {
    const mail = renderMail('dossier.submitted', 'nl', {
      ...SAMPLES['dossier.submitted'],
      dossierUrl: 'https://portaal.example/aanvrager/dossiers/1',
      sender: {
        administration: 'Departement Cultuur, Jeugd en Media',
        contact: 'Els Claes, els.claes@vlaanderen.example, 02 553 12 34',
      },
    });
    expect(mail.text).toContain('Dossiernummer: GV-CONNECT-2026-0001');
    expect(mail.text).toContain('Controlegetal: ABAB ABAB ABAB ABAB');
    expect(mail.text).not.toContain('ab'.repeat(32));
    expect(mail.text).not.toMatch(/SHA-256|Referentie|Vingerafdruk/);
    expect(mail.text).toContain('Uw ontvangstbewijs: https://portaal.example/aanvrager/dossiers/1/ontvangstbewijs\n');
    expect(mail.text).toContain('Wat gebeurt er nu?');
    expect(mail.text).toContain('Neem contact op met Els Claes, els.claes@vlaanderen.example, 02 553 12 34.');
    expect(mail.text).toMatch(/Met vriendelijke groeten,\nDepartement Cultuur, Jeugd en Media\n$/);
    expect(mail.html).toContain(
      '<a href="https://portaal.example/aanvrager/dossiers/1/ontvangstbewijs">https://portaal.example/aanvrager/dossiers/1/ontvangstbewijs</a>',
    );
    expect(mail.html).toContain(
      'opnieuw indienen: <a href="https://portaal.example/aanvrager/dossiers/1">https://portaal.example/aanvrager/dossiers/1</a></p>',
    );
  });

  it('links an address but leaves the full stop after it, and escapes what is around it', () => {
    const html = renderMail('dossier.reminder', 'nl', {
      ...SAMPLES['dossier.reminder'],
      title: '<b>Zomer</b>',
      dossierUrl: 'https://portaal.example/aanvrager/dossiers/1?a=1&b=2',
    }).html;
    expect(html).toContain('&lt;b&gt;Zomer&lt;/b&gt;');
    expect(html).toContain(
      '<a href="https://portaal.example/aanvrager/dossiers/1?a=1&amp;b=2">https://portaal.example/aanvrager/dossiers/1?a=1&amp;b=2</a>',
    );
    expect(html.match(/<a /g)).toHaveLength(1);
  });
});
