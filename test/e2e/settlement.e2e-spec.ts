import ExcelJS from 'exceljs';
import type { CallLedgerView, DossierFinanceView, LedgerView, RecoveryView } from '@portal/contracts';
import { recoveryDueOn } from '@portal/domain';
import { ReminderScanner } from '../../apps/worker/src/mail/reminder-scanner';
import { acceptAward, approveReport, payDue, setUpReporting, submitReport } from '../support/after-award';
import { createUser, withTriggersOff } from '../support/factories';
import { binary } from '../support/http';
import {
  approve,
  assessedCall,
  auditEvents,
  databaseError,
  sendProposal,
  type BuiltDossier,
} from '../support/lifecycle';
import { startMailWorker, waitUntil, type MailWorker } from '../support/mail-worker';
import { pdfText } from '../support/pdf-text';
import { race, serverErrors } from '../support/race';
import { DEMO, session, startApi, type Session, type TestApi } from '../support/test-app';

const PLANNED = 8_000_000; // every dossier of assessedCall plans EUR 80,000 of costs

describe('after the final report: the balance, recovery and the ledger (ADR 0025)', () => {
  let api: TestApi;
  let mail: MailWorker;
  let adminA: Session;
  let adminB: Session;
  let callId: string;
  let d0: BuiltDossier; // asks EUR 28,000: its final report is lower -> a recovery
  let d1: BuiltDossier; // asks EUR 50,000: a positive balance -> the final tranche is paid for the balance
  let d2: BuiltDossier; // asks EUR 20,000: the races
  let today: string;
  const refs: Record<string, string> = {};

  const finances = (who: Session, dossierId: string) =>
    who.agent
      .get(`/api/v1/dossiers/${dossierId}/finances`)
      .expect(200)
      .then((r) => r.body as DossierFinanceView);
  const emailOf = async (dossierId: string) =>
    (
      await api.dataSource.query<Array<{ email: string }>>(
        'SELECT u.email FROM dossiers d JOIN users u ON u.id = d.created_by WHERE d.id = $1',
        [dossierId],
      )
    )[0].email;
  const subjects = (email: string) => mail.sink.to(email).map((m) => m.subject ?? '');
  const actions = async (entityId: string) => (await auditEvents(api, { entityId })).map((e) => e.action);

  beforeAll(async () => {
    api = await startApi();
    mail = await startMailWorker(api, { REMINDER_SCAN_MS: 3_600_000 });
    adminA = await session(api, await createUser(api, ['admin']));
    adminB = await session(api, await createUser(api, ['admin']));
    const minister = await session(api, DEMO.minister);
    // A Connecteren-like call: EUR 100,000 budget, three dossiers awarded, the default 80/20 schedule.
    const built = await assessedCall(api, adminA, [28_000, 50_000, 20_000], [5, 4, 4.5], 10_000_000);
    callId = built.callId;
    [d0, d1, d2] = built.dossiers;
    await sendProposal(adminA, callId);
    await approve(minister, callId).expect(200);
    await setUpReporting(adminA, callId);
    for (const dossier of built.dossiers) await acceptAward(dossier).then((r) => expect(r.status).toBe(200));
    for (const row of await api.dataSource.query<Array<{ id: string; reference: string }>>(
      'SELECT id, reference FROM dossiers WHERE call_id = $1',
      [callId],
    ))
      refs[row.id] = row.reference;
    today = (
      await api.dataSource.query<Array<{ d: string }>>(
        `SELECT to_char((now() AT TIME ZONE 'Europe/Brussels')::date, 'YYYY-MM-DD') AS d`,
      )
    )[0].d;
  });

  afterAll(async () => {
    await mail?.close();
    await api?.close();
  });

  it('pays the advances (80 %) through a batch approved by a second admin', async () => {
    const batch = await payDue(adminA, adminB, callId);
    expect(batch.items.map((i) => [i.dossierId, i.tranchePosition, i.amountCents])).toEqual(
      expect.arrayContaining([
        [d0.id, 1, 2_240_000],
        [d1.id, 1, 4_000_000],
        [d2.id, 1, 1_600_000],
      ]),
    );
    expect(batch.totalCents).toBe(7_840_000);
    const view = await finances(d0.owner, d0.id);
    expect(view).toMatchObject({
      ledger: { grantedCents: 2_800_000, paidCents: 2_240_000, dueCents: 560_000, settled: false },
      settlement: null,
      recovery: null,
    });
  });

  it('lower realised costs: a negative balance, a recovery with its letter, repaid in two parts', async () => {
    const report = await submitReport(d0, [
      { description: 'Begeleiders', category: 'personnel', amountCents: 3_000_000 },
      { description: 'Materiaal', category: 'operating', amountCents: 1_000_000 },
    ]);
    expect(report.plannedCostsCents).toBe(PLANNED);
    await approveReport(adminA, report.id!, 3_000_000).expect(200);

    // entitled = 2,800,000 x 3,000,000 / 8,000,000 = 1,050,000; paid 2,240,000; balance -1,190,000
    const view = await finances(d0.owner, d0.id);
    expect(view.settlement).toMatchObject({
      grantedCents: 2_800_000,
      plannedCostsCents: PLANNED,
      acceptedCostsCents: 3_000_000,
      entitledCents: 1_050_000,
      paidCents: 2_240_000,
      balanceCents: -1_190_000,
    });
    const recovery = view.recovery!;
    expect(recovery).toMatchObject({
      amountCents: 1_190_000,
      repaidCents: 0,
      openCents: 1_190_000,
      status: 'open',
      dueOn: recoveryDueOn(today, 30),
      overdue: false,
      howToPay: {
        accountName: api.config.PAYMENT_DEBTOR_NAME,
        iban: api.config.PAYMENT_DEBTOR_IBAN,
        paymentReference: `Terugvordering ${refs[d0.id]}`,
      },
    });
    // The whole way in the audit log: accepted, batch compiled, approved by the second admin, paid, report, balance.
    expect(await actions(d0.id)).toEqual(expect.arrayContaining(['settlement.computed']));
    const batchActions = (
      await api.dataSource.query<Array<{ action: string }>>(
        `SELECT a.action FROM audit_events a JOIN payment_batches b ON b.id::text = a.entity_id
          WHERE b.call_id = $1 ORDER BY a.occurred_at`,
        [callId],
      )
    ).map((r) => r.action);
    expect(batchActions).toEqual(['payment_batch.created', 'payment_batch.approved', 'payment_batch.paid']);
    expect((await auditEvents(api, { action: 'award.accepted' })).map((e) => e.entityId)).toEqual(
      expect.arrayContaining([d0.id]),
    );
    expect(await actions(report.id!)).toEqual(['report.created', 'report.submitted', 'report.approved']);
    expect(await actions(recovery.id)).toEqual(['recovery.opened']);
    const owner = await emailOf(d0.id);
    const settled = await waitUntil(async () =>
      mail.sink
        .to(owner)
        .find(
          (m) =>
            /^Terugvordering voor dossier .*: €\s11\.900,00$/.test(m.subject ?? '') && m.subject?.includes(refs[d0.id]),
        ),
    );
    expect(settled.text).toContain('waar u recht op hebt');
    expect(settled.text).toMatch(/€\s10\.500,00/);
    expect(settled.text).toContain('BE71 0961 2345 6769');

    // The letter, in the decision letters' layout.
    const letter = await binary(d0.owner.agent.get(`/api/v1/dossiers/${d0.id}/recovery/letter`));
    expect(letter.status).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const text = pdfText(letter.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain(`Uw dossiernummer: ${refs[d0.id]}`);
    expect(text).toContain('Terug te betalen: € 11.900,00');
    expect(text).toContain('Bedrag waarop u recht hebt');
    expect(text).toContain('€ 10.500,00');
    expect(text).toContain('BE71 0961 2345 6769');

    const tranches = (await d0.owner.agent.get(`/api/v1/dossiers/${d0.id}/acceptance`).expect(200)).body.tranches;
    expect(tranches.map((t: { state: string; amountCents: number }) => [t.state, t.amountCents])).toEqual([
      ['paid', 2_240_000],
      ['settled_off', 0],
    ]);
    // Nothing more is due for d0: its final tranche is capped to entitled - paid (below zero: nothing).
    expect((await adminA.agent.post(`/api/v1/calls/${callId}/payment-batches`).expect(409)).body.code).toBe(
      'NOTHING_DUE',
    );
    // And the database refuses a payment above the entitlement, whoever writes.
    const [batch] = await api.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM payment_batches WHERE call_id = $1 LIMIT 1',
      [callId],
    );
    const refused = await databaseError(
      api.dataSource.query(
        `INSERT INTO payments (batch_id, dossier_id, call_id, tranche_position, amount_cents, creditor_iban)
         VALUES ($1, $2, $3, 2, 1, 'BE68539007547034')`,
        [batch.id, d0.id, callId],
      ),
    );
    expect(refused).toMatchObject({ code: 'PL409', message: 'PAYMENT_ABOVE_ENTITLED' });

    // Repayments: partial, more than open refused, a future date refused, then the rest.
    const repay = (body: object) => adminA.agent.post(`/api/v1/recoveries/${recovery.id}/repayments`).send(body);
    const first = (await repay({ amountCents: 500_000, paidOn: today }).expect(200)).body as RecoveryView;
    expect(first).toMatchObject({ repaidCents: 500_000, openCents: 690_000, status: 'open' });
    const tooMuch = await repay({ amountCents: 690_001, paidOn: today }).expect(409);
    expect(tooMuch.body.code).toBe('RECOVERY_ABOVE_OPEN');
    expect(tooMuch.body.detail).toMatch(/€\s6\.900,00/);
    const future = await repay({ amountCents: 1, paidOn: '2999-01-01' }).expect(400);
    expect(future.body.errors.map((e: { field: string }) => e.field)).toEqual(['paidOn']);
    await repay({ amountCents: 0, paidOn: today }).expect(400);
    await d0.owner.agent
      .post(`/api/v1/recoveries/${recovery.id}/repayments`)
      .send({ amountCents: 1, paidOn: today })
      .expect(403);
    const done = (await repay({ amountCents: 690_000, paidOn: today }).expect(200)).body as RecoveryView;
    expect(done).toMatchObject({ repaidCents: 1_190_000, openCents: 0, status: 'repaid' });
    expect(done.repayments.map((r) => r.amountCents)).toEqual([500_000, 690_000]);
    expect((await repay({ amountCents: 1, paidOn: today }).expect(409)).body.code).toBe('RECOVERY_CLOSED');

    expect(await actions(recovery.id)).toEqual([
      'recovery.opened',
      'recovery.repayment_recorded',
      'recovery.repayment_recorded',
      'recovery.repaid',
    ]);
    await waitUntil(async () => {
      const got = subjects(owner);
      return (
        got.includes(`Terugbetaling ontvangen voor dossier ${refs[d0.id]}`) &&
        got.includes(`Terugvordering voor dossier ${refs[d0.id]} volledig terugbetaald`)
      );
    });
    expect((await finances(adminA, d0.id)).ledger).toMatchObject({
      grantedCents: 2_800_000,
      acceptedCostsCents: 3_000_000,
      paidCents: 2_240_000,
      dueCents: 0,
      toRecoverCents: 0,
      recoveredCents: 1_190_000,
      settled: true,
      entitledCents: 1_050_000,
    });
  });

  it('a positive balance: the final tranche becomes due for exactly the balance', async () => {
    const report = await submitReport(d1, [
      { description: 'Begeleiders', category: 'personnel', amountCents: 5_000_000 },
      { description: 'Materiaal', category: 'operating', amountCents: 2_000_000 },
    ]);
    await approveReport(adminB, report.id!).expect(200); // all reported costs accepted: 7,000,000
    // entitled = 5,000,000 x 7,000,000 / 8,000,000 = 4,375,000; paid 4,000,000; balance 375,000
    const view = await finances(d1.owner, d1.id);
    expect(view.settlement).toMatchObject({ entitledCents: 4_375_000, paidCents: 4_000_000, balanceCents: 375_000 });
    expect(view.recovery).toBeNull();
    await waitUntil(async () =>
      subjects(await emailOf(d1.id)).includes(`Saldo van uw subsidie voor dossier ${refs[d1.id]}`),
    );

    const owed = (await d1.owner.agent.get(`/api/v1/dossiers/${d1.id}/acceptance`).expect(200)).body.tranches;
    expect(owed.map((t: { state: string; amountCents: number }) => [t.state, t.amountCents])).toEqual([
      ['paid', 4_000_000],
      ['due', 375_000],
    ]);
    const batch = await payDue(adminB, adminA, callId, '2026-12-18');
    expect(batch.items.map((i) => [i.dossierId, i.tranchePosition, i.amountCents])).toEqual([[d1.id, 2, 375_000]]);
    expect((await finances(d1.owner, d1.id)).ledger).toMatchObject({ paidCents: 4_375_000, dueCents: 0 });
  });

  it('races: one settlement of two approvals at once; of two repayments beyond the open amount one is recorded', async () => {
    const report = await submitReport(d2, [
      { description: 'Begeleiders', category: 'personnel', amountCents: 2_000_000 },
    ]);
    const approvals = await race(
      [adminA, adminB, adminA, adminB].map((admin, i) => ({
        label: 'approve',
        session: admin,
        request: (s: Session) => approveReport(s, report.id!, 2_000_000 - i),
      })),
    );
    expect(serverErrors(approvals)).toEqual([]);
    expect(approvals.filter((r) => r.status === 200)).toHaveLength(1);
    expect(approvals.filter((r) => r.code === 'REPORT_NOT_SUBMITTED')).toHaveLength(3);
    const counts = await api.dataSource.query<Array<{ s: number; r: number }>>(
      `SELECT (SELECT count(*)::int FROM dossier_settlements WHERE dossier_id = $1) AS s,
              (SELECT count(*)::int FROM recovery_cases WHERE dossier_id = $1) AS r`,
      [d2.id],
    );
    expect(counts).toEqual([{ s: 1, r: 1 }]);
    const { recovery, settlement } = await finances(adminA, d2.id);
    // entitled = 2,000,000 x accepted / 8,000,000 (rounded down); paid 1,600,000
    const accepted = settlement!.acceptedCostsCents;
    expect(settlement!.entitledCents).toBe(Math.floor((2_000_000 * accepted) / PLANNED));
    expect(recovery!.amountCents).toBe(1_600_000 - settlement!.entitledCents);

    const half = Math.ceil(recovery!.amountCents / 2) + 1; // two of these are more than the amount
    const repayments = await race(
      [adminA, adminB].map((admin) => ({
        label: 'repay',
        session: admin,
        request: (s: Session) =>
          s.agent.post(`/api/v1/recoveries/${recovery!.id}/repayments`).send({ amountCents: half, paidOn: today }),
      })),
    );
    expect(serverErrors(repayments)).toEqual([]);
    expect(repayments.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(repayments.find((r) => r.status === 409)?.code).toBe('RECOVERY_ABOVE_OPEN');
    const after = (await adminA.agent.get(`/api/v1/recoveries/${recovery!.id}`).expect(200)).body as RecoveryView;
    expect(after).toMatchObject({ repaidCents: half, status: 'open' });
    expect(after.repayments).toHaveLength(1);
  });

  it('reminds an open recovery after its due date, each once', async () => {
    const scanner = mail.worker.get(ReminderScanner);
    const { recovery } = await finances(adminA, d2.id);
    const dueDaysAgo = (days: number) =>
      withTriggersOff(api, async (query) => {
        await query(`UPDATE recovery_cases SET due_on = current_date - $2::int WHERE id = $1`, [recovery!.id, days]);
      });
    expect(await scanner.scanRecoveries()).toBe(0); // not due yet
    await dueDaysAgo(2);
    expect(await scanner.scanRecoveries()).toBe(1);
    expect(await scanner.scanRecoveries()).toBe(0);
    await dueDaysAgo(31);
    expect(await scanner.scanRecoveries()).toBe(1);
    expect(await scanner.scanRecoveries()).toBe(0);
    const owner = await emailOf(d2.id);
    await waitUntil(
      async () =>
        subjects(owner).filter((s) => s === `Herinnering: terugbetaling voor dossier ${refs[d2.id]}`).length === 2,
    );
    const view = (await adminA.agent.get(`/api/v1/recoveries/${recovery!.id}`).expect(200)).body as RecoveryView;
    expect(view).toMatchObject({ remindersSent: 2, overdue: true });
    // d0's recovery is repaid: never reminded.
    const repaid = await api.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM recovery_reminders r JOIN recovery_cases c ON c.id = r.case_id
        WHERE c.dossier_id = $1`,
      [d0.id],
    );
    expect(repaid).toEqual([{ n: 0 }]);
  });

  it('the ledger per call and per organisation: every amount to the cent, totals from the database agree', async () => {
    const ledger = (await adminA.agent.get(`/api/v1/calls/${callId}/ledger`).expect(200)).body as CallLedgerView;
    const row = (id: string) => ledger.rows.find((r) => r.dossierId === id)!;
    expect(row(d0.id)).toMatchObject({
      grantedCents: 2_800_000,
      paidCents: 2_240_000,
      dueCents: 0,
      recoveredCents: 1_190_000,
    });
    expect(row(d1.id)).toMatchObject({
      grantedCents: 5_000_000,
      acceptedCostsCents: 7_000_000,
      paidCents: 4_375_000,
      dueCents: 0,
    });
    const sum = (key: 'grantedCents' | 'paidCents' | 'dueCents' | 'toRecoverCents' | 'recoveredCents') =>
      ledger.rows.reduce((total, r) => total + r[key], 0);
    expect(ledger.totals).toMatchObject({
      grantedCents: sum('grantedCents'),
      paidCents: sum('paidCents'),
      dueCents: sum('dueCents'),
      toRecoverCents: sum('toRecoverCents'),
      recoveredCents: sum('recoveredCents'),
    });
    expect(ledger.totals.grantedCents).toBe(9_800_000);
    expect(ledger.totals.paidCents).toBe(2_240_000 + 4_375_000 + 1_600_000);
    // paid - recovered - still to recover = what the dossiers keep = sum of their entitlements
    const entitled = ledger.rows.reduce((total, r) => total + (r.entitledCents ?? 0), 0);
    expect(ledger.totals.paidCents - ledger.totals.recoveredCents - ledger.totals.toRecoverCents).toBe(entitled);

    const xlsx = await binary(adminA.agent.get(`/api/v1/calls/${callId}/ledger/export`)).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.worksheets[0];
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('Totaal');
    expect(last.getCell(3).value).toBe(98_000);
    expect(last.getCell(5).value).toBe(ledger.totals.paidCents / 100);
    expect(last.getCell(8).value).toBe(ledger.totals.recoveredCents / 100);

    const mine = (await d0.owner.agent.get('/api/v1/ledger/mine').expect(200)).body as LedgerView;
    expect(mine.rows.map((r) => r.dossierId)).toEqual([d0.id]);
    expect(mine.totals).toMatchObject({ paidCents: 2_240_000, recoveredCents: 1_190_000 });
    // The organisation's XLSX carries the same lines and totals as its JSON, euro cells as numbers.
    const mineXlsx = await binary(d0.owner.agent.get('/api/v1/ledger/mine/export')).expect(200);
    expect(mineXlsx.headers['content-disposition']).toContain('financieel-overzicht.xlsx');
    const mineBook = new ExcelJS.Workbook();
    await mineBook.xlsx.load(mineXlsx.body);
    const mineSheet = mineBook.worksheets[0];
    const euros = (cents: number | null) => (cents === null ? null : cents / 100);
    const AMOUNTS = [
      'grantedCents',
      'acceptedCostsCents',
      'paidCents',
      'dueCents',
      'toRecoverCents',
      'recoveredCents',
    ] as const;
    const blank = (value: unknown) => (value === '' || value === undefined ? null : value);
    const lines = mineSheet
      .getRows(2, mineSheet.rowCount - 1)!
      .map((r) => Array.from({ length: 9 }, (_, i) => blank(r.getCell(i + 1).value)));
    expect(lines).toEqual(
      [
        ...mine.rows.map((r) => [
          r.reference,
          r.callTitle,
          ...AMOUNTS.map((key) => euros(r[key])),
          r.settled ? 'ja' : 'nee',
        ]),
        ['Totaal', '', ...AMOUNTS.map((key) => euros(mine.totals[key])), ''],
      ].map((line) => line.map(blank)),
    );
    await d1.owner.agent.get(`/api/v1/dossiers/${d0.id}/finances`).expect(404);
    await d1.owner.agent.get(`/api/v1/dossiers/${d0.id}/recovery/letter`).expect(404);
    expect((await d1.owner.agent.get(`/api/v1/dossiers/${d1.id}/recovery/letter`).expect(409)).body.code).toBe(
      'NO_RECOVERY',
    );
  });

  it('an interim-triggered tranche becomes due once the interim report is approved', async () => {
    const minister = await session(api, DEMO.minister);
    const other = await assessedCall(api, adminA, [10_000], [5], 10_000_000);
    await adminA.agent
      .put(`/api/v1/calls/${other.callId}/payment-schedule`)
      .send({
        tranches: [
          { shareBasisPoints: 6000, trigger: 'acceptance' },
          { shareBasisPoints: 3000, trigger: 'interim_report_approved' },
          { shareBasisPoints: 1000, trigger: 'final_report_approved' },
        ],
      })
      .expect(200);
    await sendProposal(adminA, other.callId);
    await approve(minister, other.callId, 'MB-2026-TEST-0003').expect(200);
    await setUpReporting(adminA, other.callId, true);
    const [dossier] = other.dossiers;
    expect((await acceptAward(dossier)).status).toBe(200);
    const advance = await payDue(adminA, adminB, other.callId);
    expect(advance.items.map((i) => [i.tranchePosition, i.amountCents])).toEqual([[1, 600_000]]);
    expect((await adminA.agent.post(`/api/v1/calls/${other.callId}/payment-batches`).expect(409)).body.code).toBe(
      'NOTHING_DUE',
    );
    const interim = await submitReport(
      dossier,
      [{ description: 'Begeleiders', category: 'personnel', amountCents: 400_000 }],
      'interim',
    );
    await approveReport(adminB, interim.id!).expect(200);
    const second = await payDue(adminA, adminB, other.callId);
    expect(second.items.map((i) => [i.tranchePosition, i.amountCents])).toEqual([[2, 300_000]]);
    // An interim report does not settle anything.
    expect((await finances(dossier.owner, dossier.id)).settlement).toBeNull();
  });
});
