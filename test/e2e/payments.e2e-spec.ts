import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { AwardAcceptanceEntity, PaymentEntity } from '@portal/server';
import { ReminderScanner } from '../../apps/worker/src/mail/reminder-scanner';
import { acceptAward as accept } from '../support/after-award';
import { createUser, withTriggersOff } from '../support/factories';
import { binary } from '../support/http';
import {
  assessedCall,
  approve,
  auditEvents,
  databaseError,
  sendProposal,
  type BuiltDossier,
} from '../support/lifecycle';
import { startMailWorker, waitUntil, type MailWorker } from '../support/mail-worker';
import { pdfText } from '../support/pdf-text';
import { DEMO, session, startApi, type Session, type TestApi } from '../support/test-app';
import { xsdProblems } from '../support/xsd';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const ORG_IBAN = 'BE68539007547034';

async function emailOf(user: Session): Promise<string> {
  return (await user.agent.get('/api/v1/auth/me').expect(200)).body.user.email as string;
}

describe('after the decision: acceptance, payment schedule, payment batches with four eyes, SEPA export', () => {
  let api: TestApi;
  let mail: MailWorker;
  let adminA: Session;
  let adminB: Session;
  let callId: string;
  let dossiers: BuiltDossier[];

  beforeAll(async () => {
    api = await startApi();
    // The scans are run by the test itself: the worker's own periodic scan waits an hour.
    mail = await startMailWorker(api, { REMINDER_SCAN_MS: 3_600_000 });
    adminA = await session(api, await createUser(api, ['admin']));
    adminB = await session(api, await createUser(api, ['admin']));
    const minister = await session(api, DEMO.minister);
    // A Connecteren-like call: EUR 100,000 budget; D0 asks EUR 28,000, D1 EUR 50,000: both awarded.
    const built = await assessedCall(api, adminA, [28_000, 50_000], [5, 4], 10_000_000);
    callId = built.callId;
    dossiers = built.dossiers;
    await sendProposal(adminA, callId);
    await approve(minister, callId).expect(200);
  });

  afterAll(async () => {
    await mail.close();
    await api.close();
  });

  it('has the default 80/20 schedule, refuses one that does not add up, and shows it in the award letter', async () => {
    const initial = await adminA.agent.get(`/api/v1/calls/${callId}/payment-schedule`).expect(200);
    expect(initial.body).toMatchObject({
      isDefault: true,
      editable: true,
      tranches: [
        { position: 1, shareBasisPoints: 8000, trigger: 'acceptance' },
        { position: 2, shareBasisPoints: 2000, trigger: 'final_report_approved' },
      ],
    });
    const wrong = await adminA.agent
      .put(`/api/v1/calls/${callId}/payment-schedule`)
      .send({
        tranches: [
          { shareBasisPoints: 8000, trigger: 'acceptance' },
          { shareBasisPoints: 1000, trigger: 'final_report_approved' },
        ],
      })
      .expect(422);
    expect(wrong.body.code).toBe('SCHEDULE_INVALID');
    expect(wrong.body.errors[0]).toMatchObject({ field: 'tranches', code: 'schedule_sum_not_100' });
    // The database refuses it too (checked at commit).
    const raw = await databaseError(
      api.dataSource.query(
        `INSERT INTO payment_schedule_tranches (call_id, position, share_basis_points, trigger, set_by)
         VALUES ($1, 1, 5000, 'acceptance', $1)`,
        [callId],
      ),
    );
    expect(raw).toMatchObject({ code: 'PL409', message: 'SCHEDULE_INVALID' });

    await adminA.agent
      .put(`/api/v1/calls/${callId}/payment-schedule`)
      .send({
        tranches: [
          { shareBasisPoints: 8000, trigger: 'acceptance' },
          { shareBasisPoints: 2000, trigger: 'final_report_approved' },
        ],
      })
      .expect(200);
    const [set] = await auditEvents(api, { action: 'payment_schedule.set', entityId: callId });
    expect(set.after).toMatchObject({ isDefault: false });

    const letter = await binary(
      dossiers[0].owner.agent.get(`/api/v1/dossiers/${dossiers[0].id}/decision/letter`),
    ).expect(200);
    const text = pdfText(letter.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain('Uitbetaling');
    expect(text).toContain('schijf 1 (80 %) na de aanvaarding van de beslissing: € 22.400,00');
    expect(text).toContain('schijf 2 (20 %) na de goedkeuring van het eindrapport: € 5.600,00');
  });

  it('lets the organisation accept once, keeping the conditions and their SHA-256; nothing is due before', async () => {
    const [d0, d1] = dossiers;
    const shown = await d0.owner.agent.get(`/api/v1/dossiers/${d0.id}/acceptance`).expect(200);
    expect(shown.body).toMatchObject({
      status: 'pending',
      grantedCents: 2_800_000,
      canAnswer: true,
      proposedIban: ORG_IBAN,
    });
    expect(shown.body.conditionsSha256).toBe(sha256(shown.body.conditionsText as string));
    expect(shown.body.tranches.map((t: { state: string; amountCents: number }) => [t.state, t.amountCents])).toEqual([
      ['not_due', 2_240_000],
      ['not_due', 560_000],
    ]);
    // Another organisation does not see it; a batch now finds nothing due.
    await d1.owner.agent.get(`/api/v1/dossiers/${d0.id}/acceptance`).expect(404);
    expect((await adminA.agent.post(`/api/v1/calls/${callId}/payment-batches`).expect(409)).body.code).toBe(
      'NOTHING_DUE',
    );

    const stale = await d0.owner.agent
      .post(`/api/v1/dossiers/${d0.id}/acceptance`)
      .send({ decision: 'accepted', conditionsSha256: sha256('other conditions'), iban: ORG_IBAN })
      .expect(409);
    expect(stale.body.code).toBe('CONDITIONS_CHANGED');
    const badIban = await d0.owner.agent
      .post(`/api/v1/dossiers/${d0.id}/acceptance`)
      .send({ decision: 'accepted', conditionsSha256: shown.body.conditionsSha256, iban: 'BE00 1234' })
      .expect(400);
    expect(badIban.body).toMatchObject({ code: 'INVALID_IBAN', errors: [{ field: 'iban' }] });

    const accepted = await accept(d0);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', canAnswer: false });
    expect(accepted.body.tranches[0].state).toBe('due');
    const again = await accept(d0);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ACCEPTANCE_EXISTS');

    const row = await api.dataSource.getRepository(AwardAcceptanceEntity).findOneByOrFail({ dossierId: d0.id });
    expect(row).toMatchObject({
      decision: 'accepted',
      creditorIban: ORG_IBAN,
      conditionsText: shown.body.conditionsText,
    });
    expect(row.conditionsSha256).toBe(sha256(row.conditionsText));
    const [audit] = await auditEvents(api, { action: 'award.accepted', entityId: d0.id });
    expect(audit.after).toMatchObject({
      acceptance: 'accepted',
      conditionsSha256: row.conditionsSha256,
      creditorIban: ORG_IBAN,
    });

    // D1 declines with a motivation: recorded and audited, nothing released.
    const shown1 = await d1.owner.agent.get(`/api/v1/dossiers/${d1.id}/acceptance`).expect(200);
    await d1.owner.agent
      .post(`/api/v1/dossiers/${d1.id}/acceptance`)
      .send({ decision: 'declined', conditionsSha256: shown1.body.conditionsSha256 })
      .expect(400)
      .expect((response) => expect(response.body.errors[0].field).toBe('motivation'));
    const declined = await d1.owner.agent
      .post(`/api/v1/dossiers/${d1.id}/acceptance`)
      .send({
        decision: 'declined',
        conditionsSha256: shown1.body.conditionsSha256,
        motivation: 'Het project kan niet doorgaan.',
      })
      .expect(200);
    expect(declined.body.status).toBe('declined');
    expect(await auditEvents(api, { action: 'award.refused', entityId: d1.id })).toHaveLength(1);

    const overview = await adminA.agent.get(`/api/v1/calls/${callId}/acceptances`).expect(200);
    expect(overview.body.map((r: { dossierId: string; status: string }) => [r.dossierId, r.status])).toEqual(
      expect.arrayContaining([
        [d0.id, 'accepted'],
        [d1.id, 'declined'],
      ]),
    );
    const ownerMail = await emailOf(d0.owner);
    const recorded = await waitUntil(async () =>
      mail.sink.to(ownerMail).find((m) => /aanvaardde/.test(m.subject ?? '')),
    );
    expect(recorded.text).toContain(row.conditionsSha256);
    expect(recorded.text).toMatch(/€\s22\.400,00/);
  });

  it('pays the advance through a batch compiled by one admin and approved by another, exported as SEPA', async () => {
    const [d0] = dossiers;
    const created = await adminA.agent.post(`/api/v1/calls/${callId}/payment-batches`).expect(201);
    const batchId = created.body.id as string;
    expect(created.body).toMatchObject({ status: 'open', totalCents: 2_240_000, itemCount: 1, createdByMe: true });
    expect(created.body.items[0]).toMatchObject({
      dossierId: d0.id,
      tranchePosition: 1,
      amountCents: 2_240_000,
      creditorIban: ORG_IBAN,
    });
    // The tranche is in a batch now: nothing more is due.
    expect((await adminB.agent.post(`/api/v1/calls/${callId}/payment-batches`).expect(409)).body.code).toBe(
      'NOTHING_DUE',
    );
    expect((await adminA.agent.get(`/api/v1/payment-batches/${batchId}/sepa`).expect(409)).body.code).toBe(
      'BATCH_NOT_APPROVED',
    );

    // Four eyes: not by whoever compiled it, in the API and in the database.
    expect((await adminA.agent.post(`/api/v1/payment-batches/${batchId}/approve`).expect(409)).body.code).toBe(
      'FOUR_EYES',
    );
    const raw = await databaseError(
      api.dataSource.query(
        `UPDATE payment_batches SET status = 'approved', approved_by = created_by, approved_at = now() WHERE id = $1`,
        [batchId],
      ),
    );
    expect(raw).toMatchObject({ code: '23514', message: expect.stringContaining('payment_batches_four_eyes') });

    const approved = await adminB.agent.post(`/api/v1/payment-batches/${batchId}/approve`).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', createdByMe: false });
    // The schedule is fixed from the first batch on.
    const locked = await adminA.agent
      .put(`/api/v1/calls/${callId}/payment-schedule`)
      .send({ tranches: [{ shareBasisPoints: 10000, trigger: 'acceptance' }] })
      .expect(409);
    expect(locked.body.code).toBe('SCHEDULE_LOCKED');

    const sepa = await adminA.agent.get(`/api/v1/payment-batches/${batchId}/sepa`).expect(200);
    expect(sepa.headers['content-type']).toMatch(/^application\/xml/);
    const xml = sepa.text;
    // Valid against the ISO 20022 schema (test/support/schemas/README.md), checked with libxml2.
    expect(await xsdProblems(xml, 'pain.001.001.03.xsd')).toBeNull();
    const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml);
    const initiation = parsed.Document.CstmrCdtTrfInitn;
    expect(parsed.Document['@_xmlns']).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    expect(initiation.GrpHdr).toMatchObject({ NbOfTxs: '1', CtrlSum: '22400.00' });
    const info = initiation.PmtInf;
    expect(info).toMatchObject({ PmtMtd: 'TRF', NbOfTxs: '1', CtrlSum: '22400.00' });
    expect(info.DbtrAcct.Id.IBAN).toBe(api.config.PAYMENT_DEBTOR_IBAN);
    expect(info.DbtrAgt.FinInstnId.BIC).toBe(api.config.PAYMENT_DEBTOR_BIC);
    const transfer = info.CdtTrfTxInf;
    expect(transfer.Amt.InstdAmt['#text']).toBe('22400.00');
    expect(transfer.Amt.InstdAmt['@_Ccy']).toBe('EUR');
    expect(transfer.CdtrAcct.Id.IBAN).toBe(ORG_IBAN);
    expect(transfer.PmtId.EndToEndId).toMatch(/-T1$/);

    const csv = await adminA.agent.get(`/api/v1/payment-batches/${batchId}/csv`).expect(200);
    expect(csv.text).toContain(`;${ORG_IBAN};22400.00;`);

    await adminA.agent
      .post(`/api/v1/payment-batches/${batchId}/paid`)
      .send({ executionDate: '2026-12-31-x' })
      .expect(400);
    const paid = await adminA.agent
      .post(`/api/v1/payment-batches/${batchId}/paid`)
      .send({ executionDate: '2026-12-04' })
      .expect(200);
    expect(paid.body).toMatchObject({ status: 'paid', executionDate: '2026-12-04' });
    const payments = await api.dataSource.getRepository(PaymentEntity).findBy({ dossierId: d0.id });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      amountCents: 2_240_000,
      tranchePosition: 1,
      executionDate: '2026-12-04',
      callId,
    });
    expect(payments[0].paidAt).not.toBeNull();
    const view = await d0.owner.agent.get(`/api/v1/dossiers/${d0.id}/acceptance`).expect(200);
    expect(view.body.tranches.map((t: { state: string }) => t.state)).toEqual(['paid', 'not_due']);

    for (const action of [
      'payment_batch.created',
      'payment_batch.approved',
      'payment_batch.exported',
      'payment_batch.paid',
    ])
      expect((await auditEvents(api, { action, entityId: batchId })).length).toBeGreaterThan(0);
    const ownerMail = await emailOf(d0.owner);
    const paidMail = await waitUntil(async () =>
      mail.sink.to(ownerMail).find((m) => /Betaling voor dossier/.test(m.subject ?? '')),
    );
    expect(paidMail.text).toMatch(/€\s22\.400,00/);
    expect(paidMail.text).toContain('2026-12-04');

    // A payment never changes after it was marked paid, and is never deleted.
    const changed = await databaseError(
      api.dataSource.query('UPDATE payments SET amount_cents = 1 WHERE dossier_id = $1', [d0.id]),
    );
    expect(changed.code).toBe('42501');
    expect(
      (await databaseError(api.dataSource.query('DELETE FROM payments WHERE dossier_id = $1', [d0.id]))).code,
    ).toBe('42501');
  });

  it('refuses in the database a payment above the granted amount, or for a dossier that did not accept', async () => {
    const [d0, d1] = dossiers;
    const [batch] = (await adminA.agent.get(`/api/v1/calls/${callId}/payment-batches`).expect(200)).body as Array<{
      id: string;
    }>;
    const insert = (dossierId: string, position: number, cents: number) =>
      api.dataSource.query(
        `INSERT INTO payments (batch_id, dossier_id, call_id, tranche_position, amount_cents, creditor_iban)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [batch.id, dossierId, callId, position, cents, ORG_IBAN],
      );
    // D0 got 22,400.00 of 28,000.00: 5,600.01 more is one cent too many.
    expect(await databaseError(insert(d0.id, 2, 560_001))).toMatchObject({
      code: 'PL409',
      message: 'PAYMENT_ABOVE_GRANTED',
    });
    expect(await databaseError(insert(d1.id, 1, 100))).toMatchObject({ code: 'PL409', message: 'NOT_AWARDED' });
    const problem = await adminA.agent.get(`/api/v1/calls/${callId}/acceptances`).expect(200);
    expect(problem.body.find((r: { dossierId: string }) => r.dossierId === d0.id).paidCents).toBe(2_240_000);
  });

  it('reminds an organisation that has not answered, ACCEPTANCE_REMINDER_DAYS after the decision, each once', async () => {
    const scanner = mail.worker.get(ReminderScanner);
    const minister = await session(api, DEMO.minister);
    const other = await assessedCall(api, adminA, [20_000], [5], 10_000_000);
    await sendProposal(adminA, other.callId);
    await approve(minister, other.callId, 'MB-2026-TEST-0002').expect(200);
    const [pending] = other.dossiers;
    const decidedDaysAgo = (days: number) =>
      withTriggersOff(api, async (query) => {
        await query(
          `UPDATE selection_proposals SET approved_at = now() - make_interval(days => $2) WHERE call_id = $1`,
          [other.callId, days],
        );
      });
    const reminders = () =>
      api.dataSource.query<Array<{ number: number }>>(
        'SELECT number FROM acceptance_reminders WHERE dossier_id = $1 ORDER BY number',
        [pending.id],
      );

    expect(await scanner.scanAcceptances()).toBe(0); // decided today: none yet (defaults 14,28 days)
    await decidedDaysAgo(15);
    expect(await scanner.scanAcceptances()).toBe(1);
    expect(await scanner.scanAcceptances()).toBe(0);
    await decidedDaysAgo(29);
    expect(await scanner.scanAcceptances()).toBe(1);
    expect(await scanner.scanAcceptances()).toBe(0);
    expect(await reminders()).toEqual([{ number: 1 }, { number: 2 }]);
    const ownerMail = await emailOf(pending.owner);
    await waitUntil(
      async () => mail.sink.to(ownerMail).filter((m) => /Herinnering: aanvaard/.test(m.subject ?? '')).length === 2,
    );

    const overview = await adminA.agent.get(`/api/v1/calls/${other.callId}/acceptances`).expect(200);
    expect(overview.body).toEqual([
      expect.objectContaining({ dossierId: pending.id, status: 'pending', remindersSent: 2 }),
    ]);
    // Once answered, no more reminders.
    await accept(pending);
    await decidedDaysAgo(60);
    expect(await scanner.scanAcceptances()).toBe(0);
  });
});
