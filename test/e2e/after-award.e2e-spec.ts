import type { ChangeRequestView, ReportSummary, ReportView } from '@portal/contracts';
import { ReminderScanner } from '../../apps/worker/src/mail/reminder-scanner';
import { inDays } from '../support/after-award';
import { createUser } from '../support/factories';
import {
  approve,
  assessedCall,
  auditEvents,
  databaseError,
  sendProposal,
  type BuiltDossier,
} from '../support/lifecycle';
import { startMailWorker, waitUntil, type MailWorker } from '../support/mail-worker';
import { race, serverErrors } from '../support/race';
import { DEMO, session, startApi, type Session, type TestApi } from '../support/test-app';

const FULL = {
  narrative: 'Twaalf buurtactiviteiten met 140 kinderen en jongeren uit drie wijken.',
  indicators: [
    { code: 'REACH', realised: 140 },
    { code: 'ACTIVITIES', realised: 12 },
  ],
  costLines: [
    { description: 'Begeleiders', category: 'personnel', amountCents: 5_000_000 },
    { description: 'Materiaal', category: 'operating', amountCents: 2_500_000 },
  ],
};
const fields = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field).sort();

describe('after the award: reports and change requests (ADR 0024)', () => {
  let api: TestApi;
  let mail: MailWorker;
  let admin: Session;
  let admin2: Session;
  let callId: string;
  let awarded: BuiltDossier[];
  let rejected: BuiltDossier;

  beforeAll(async () => {
    api = await startApi();
    mail = await startMailWorker(api);
    admin = await session(api, DEMO.admin);
    admin2 = await session(api, await createUser(api, ['admin']));
    const minister = await session(api, DEMO.minister);
    // Two awarded dossiers (30,000 and 20,000 euro asked, 80,000 planned costs each) and one rejected (insufficient).
    const built = await assessedCall(api, admin, [30_000, 20_000, 10_000], [5, 4.5, 1], 20_000_000);
    callId = built.callId;
    await sendProposal(admin, callId);
    await approve(minister, callId).expect(200);
    awarded = built.dossiers.slice(0, 2);
    rejected = built.dossiers[2];
  });

  afterAll(async () => {
    await mail?.close();
    await api?.close();
  });

  const report = (_owner: Session, dossierId: string, kind = 'final') =>
    `/api/v1/dossiers/${dossierId}/reports/${kind}`;
  const creatorEmail = async (dossierId: string) =>
    (
      await api.dataSource.query<Array<{ email: string }>>(
        'SELECT u.email FROM dossiers d JOIN users u ON u.id = d.created_by WHERE d.id = $1',
        [dossierId],
      )
    )[0].email;

  async function fillAndSubmit(dossier: BuiltDossier): Promise<ReportView> {
    const current = (await dossier.owner.agent.get(report(dossier.owner, dossier.id)).expect(200)).body as ReportView;
    await dossier.owner.agent
      .put(report(dossier.owner, dossier.id))
      .set('If-Match', String(current.version))
      .send(FULL)
      .expect(200);
    return (
      await dossier.owner.agent
        .post(`${report(dossier.owner, dossier.id)}/submit`)
        .send({ declaration: true })
        .expect(200)
    ).body as ReportView;
  }

  it('the administration sets the call’s reporting; bad input is refused naming the fields', async () => {
    const before = await awarded[0].owner.agent.get(report(awarded[0].owner, awarded[0].id)).expect(409);
    expect(before.body.code).toBe('REPORTS_NOT_CONFIGURED');
    const bad = await admin.agent
      .put(`/api/v1/calls/${callId}/report-settings`)
      .send({
        interimRequired: true,
        interimDueAt: null,
        finalDueAt: 'volgende maand',
        indicators: [{ code: 'REACH', label: 'Bereik', questionCode: 'NOPE' }],
      })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(fields(bad.body)).toEqual(['finalDueAt', 'indicators.0.questionCode', 'interimDueAt']);
    const saved = await admin.agent
      .put(`/api/v1/calls/${callId}/report-settings`)
      .send({
        interimRequired: true,
        interimDueAt: inDays(20),
        finalDueAt: inDays(60),
        indicators: [
          { code: 'REACH', label: 'Bereikte kinderen en jongeren', questionCode: 'REACH' },
          { code: 'ACTIVITIES', label: 'Aantal activiteiten', questionCode: null },
        ],
      })
      .expect(200);
    expect(saved.body).toMatchObject({ configured: true, interimRequired: true });
    expect(await auditEvents(api, { action: 'report.settings_changed', entityId: callId })).toHaveLength(1);
  });

  it('draft, submit, changes requested, resubmit, approved with accepted costs; every step audited and mailed', async () => {
    const [dossier] = awarded;
    const owner = dossier.owner;
    const list = (await owner.agent.get(`/api/v1/dossiers/${dossier.id}/reports`).expect(200)).body as ReportSummary[];
    expect(list.map((r) => [r.kind, r.status])).toEqual([
      ['interim', 'draft'],
      ['final', 'draft'],
    ]);
    const empty = (await owner.agent.get(report(owner, dossier.id)).expect(200)).body as ReportView;
    expect(empty).toMatchObject({ id: null, version: 0, plannedCostsCents: 8_000_000, grantedCents: 3_000_000 });
    expect(empty.indicators).toEqual([
      { code: 'REACH', label: 'Bereikte kinderen en jongeren', planned: 120, realised: null },
      { code: 'ACTIVITIES', label: 'Aantal activiteiten', planned: null, realised: null },
    ]);

    await owner.agent.put(report(owner, dossier.id)).send({ narrative: 'x' }).expect(428);
    const refused = await owner.agent
      .put(report(owner, dossier.id))
      .set('If-Match', '0')
      .send({ costLines: [{ description: 'x', category: 'nope', amountCents: -1 }] })
      .expect(400);
    expect(fields(refused.body)).toEqual(['costLines.0.amountCents', 'costLines.0.category']);
    const unknown = await owner.agent
      .put(report(owner, dossier.id))
      .set('If-Match', '0')
      .send({ indicators: [{ code: 'NOPE', realised: 1 }] })
      .expect(400);
    expect(fields(unknown.body)).toEqual(['indicators.0.code']);

    // A draft that breaks every rule is stored, with its issues per field.
    const draft = (
      await owner.agent
        .put(report(owner, dossier.id))
        .set('If-Match', '0')
        .send({ narrative: 'kort', costLines: [{ description: '', category: 'personnel', amountCents: 0 }] })
        .expect(200)
    ).body as ReportView;
    expect(draft.version).toBe(1);
    expect(draft.issues.map((i) => i.field).sort()).toEqual([
      'costLines.0.amountCents',
      'costLines.0.description',
      'indicators.0.realised',
      'indicators.1.realised',
      'narrative',
    ]);
    const incomplete = await owner.agent
      .post(`${report(owner, dossier.id)}/submit`)
      .send({ declaration: true })
      .expect(400);
    expect(incomplete.body.code).toBe('REPORT_INCOMPLETE');
    expect(fields(incomplete.body)).toEqual(draft.issues.map((i) => i.field).sort());
    await owner.agent
      .post(`${report(owner, dossier.id)}/submit`)
      .send({})
      .expect(400);
    const stale = await owner.agent.put(report(owner, dossier.id)).set('If-Match', '0').send(FULL).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const submitted = await fillAndSubmit(dossier);
    expect(submitted).toMatchObject({ status: 'submitted', editable: false, reportedCostsCents: 7_500_000 });
    const locked = await owner.agent
      .put(report(owner, dossier.id))
      .set('If-Match', String(submitted.version))
      .send(FULL)
      .expect(409);
    expect(locked.body.code).toBe('REPORT_NOT_EDITABLE');

    const ofCall = (await admin.agent.get(`/api/v1/calls/${callId}/reports`).expect(200)).body as ReportSummary[];
    expect(ofCall.find((r) => r.dossierId === dossier.id && r.kind === 'final')?.status).toBe('submitted');
    expect(ofCall.filter((r) => r.kind === 'interim')).toHaveLength(2);

    const noReason = await admin.agent.post(`/api/v1/reports/${submitted.id}/request-changes`).send({ motivation: '' });
    expect(noReason.status).toBe(400);
    expect(fields(noReason.body)).toEqual(['motivation']);
    const motivation = 'De kostenstaat mist de facturen van het materiaal; voeg een toelichting toe.';
    const asked = (
      await admin.agent.post(`/api/v1/reports/${submitted.id}/request-changes`).send({ motivation }).expect(200)
    ).body as ReportView;
    expect(asked).toMatchObject({ status: 'changes_requested', motivation });

    const corrected = (
      await owner.agent
        .put(report(owner, dossier.id))
        .set('If-Match', String(asked.version))
        .send({ narrative: `${FULL.narrative} De facturen zitten bij de administratie.` })
        .expect(200)
    ).body as ReportView;
    expect(corrected.editable).toBe(true);
    await owner.agent
      .post(`${report(owner, dossier.id)}/submit`)
      .send({ declaration: true })
      .expect(200);

    const both = await admin.agent
      .post(`/api/v1/reports/${submitted.id}/approve`)
      .send({ acceptedTotalCents: 7_000_000, acceptedLineCents: [5_000_000, 2_000_000] })
      .expect(400);
    expect(both.body.code).toBe('ACCEPTED_COSTS_INVALID');
    await admin.agent
      .post(`/api/v1/reports/${submitted.id}/approve`)
      .send({ acceptedLineCents: [5_000_000, 2_500_001] })
      .expect(400);
    const approved = (
      await admin.agent
        .post(`/api/v1/reports/${submitted.id}/approve`)
        .send({ acceptedLineCents: [5_000_000, 2_000_000] })
        .expect(200)
    ).body as ReportView;
    expect(approved).toMatchObject({ status: 'approved', acceptedCostsCents: 7_000_000, plannedCostsCents: 8_000_000 });
    expect(approved.costLines.map((l) => l.acceptedCents)).toEqual([5_000_000, 2_000_000]);

    // What the balance needs is in the row; an approved report never changes, whoever writes.
    const [row] = await api.dataSource.query<Array<Record<string, string>>>(
      'SELECT accepted_costs_cents, planned_costs_cents, granted_cents, declaration FROM dossier_reports WHERE id = $1',
      [submitted.id],
    );
    expect(row).toMatchObject({
      accepted_costs_cents: '7000000',
      planned_costs_cents: '8000000',
      granted_cents: '3000000',
    });
    expect(row.declaration).toContain('Ik verklaar op eer');
    const frozen = await databaseError(
      api.dataSource.query(`UPDATE dossier_reports SET narrative = 'later' WHERE id = $1`, [submitted.id]),
    );
    expect(frozen).toMatchObject({ code: 'PL409', message: 'REPORT_NOT_EDITABLE' });
    expect(
      await databaseError(api.dataSource.query('DELETE FROM dossier_reports WHERE id = $1', [submitted.id])),
    ).toMatchObject({ code: 'PL409' });

    const actions = (await auditEvents(api, { entityId: submitted.id! })).map((e) => e.action);
    expect(actions).toEqual([
      'report.created',
      'report.submitted',
      'report.changes_requested',
      'report.submitted',
      'report.approved',
    ]);
    const email = await creatorEmail(dossier.id);
    const subjects = await waitUntil(async () => {
      const got = mail.sink
        .to(email)
        .map((m) => m.subject ?? '')
        .filter((s) => /rapport/i.test(s));
      return got.length >= 4 ? got : null;
    });
    expect(subjects).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Uw eindrapport voor dossier .* is ingediend$/),
        expect.stringMatching(/^Aanpassingen gevraagd aan uw eindrapport/),
        expect.stringMatching(/^Uw eindrapport voor dossier .* is goedgekeurd$/),
      ]),
    );
    const approvedMail = mail.sink.to(email).find((m) => m.subject?.endsWith('is goedgekeurd'));
    expect(approvedMail?.text).toMatch(/€\s70\.000,00/);
  });

  it('two administrators decide the same report at once: one wins, the others hear 409', async () => {
    const submitted = await fillAndSubmit(awarded[1]);
    const results = await race([
      ...[admin, admin2].map((s) => ({
        label: 'approve',
        session: s,
        request: (x: Session) => x.agent.post(`/api/v1/reports/${submitted.id}/approve`).send({}),
      })),
      ...[admin2, admin].map((s) => ({
        label: 'changes',
        session: s,
        request: (x: Session) =>
          x.agent.post(`/api/v1/reports/${submitted.id}/request-changes`).send({ motivation: 'Graag de facturen.' }),
      })),
    ]);
    expect(serverErrors(results)).toEqual([]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.code === 'REPORT_NOT_SUBMITTED')).toHaveLength(3);
    const decided = await auditEvents(api, { entityId: submitted.id! });
    expect(decided.filter((e) => e.action !== 'report.created' && e.action !== 'report.submitted')).toHaveLength(1);
  });

  it('reminds each organisation of a report before its due date and once it passed, each once', async () => {
    const scanner = mail.worker.get(ReminderScanner);
    expect(await scanner.scanReportDueDates()).toBe(0); // the interim report is due in 20 days: not yet
    await api.dataSource.query(
      `UPDATE call_report_settings SET interim_due_at = now() + interval '3 days' WHERE call_id = $1`,
      [callId],
    );
    expect(await scanner.scanReportDueDates()).toBe(2);
    expect(await scanner.scanReportDueDates()).toBe(0);
    await api.dataSource.query(
      `UPDATE call_report_settings SET interim_due_at = now() - interval '1 hour' WHERE call_id = $1`,
      [callId],
    );
    expect(await scanner.scanReportDueDates()).toBe(2);
    expect(await scanner.scanReportDueDates()).toBe(0);
    const rows = await api.dataSource.query<Array<{ kind: string; report_kind: string }>>(
      `SELECT m.report_kind, m.kind FROM report_due_reminders m JOIN dossiers d ON d.id = m.dossier_id
        WHERE d.call_id = $1 ORDER BY m.kind, m.dossier_id`,
      [callId],
    );
    expect(rows.map((r) => `${r.report_kind}:${r.kind}`)).toEqual([
      'interim:after',
      'interim:after',
      'interim:before',
      'interim:before',
    ]);
    const email = await creatorEmail(awarded[0].id);
    const subjects = await waitUntil(async () => {
      const got = mail.sink
        .to(email)
        .map((m) => m.subject ?? '')
        .filter((s) => s.includes('tussentijds rapport'));
      return got.length >= 2 ? got : null;
    });
    expect(subjects).toEqual([
      expect.stringMatching(/^Herinnering: uw tussentijds rapport voor dossier /),
      expect.stringMatching(/^Uw tussentijds rapport voor dossier .* is te laat$/),
    ]);
    const overview = (await admin.agent.get(`/api/v1/calls/${callId}/reports`).expect(200)).body as ReportSummary[];
    expect(overview.filter((r) => r.kind === 'interim').every((r) => r.overdue)).toBe(true);
  });

  it('change requests: approved or refused with a motivation, decided once, never more money', async () => {
    const [dossier] = awarded;
    const owner = dossier.owner;
    const path = `/api/v1/dossiers/${dossier.id}/change-requests`;
    const longer = (
      await owner.agent
        .post(path)
        .send({
          kind: 'period',
          motivation: 'De zomerwerking loopt door tot de paasvakantie.',
          newEndDate: '2028-04-15',
        })
        .expect(201)
    ).body as ChangeRequestView;
    expect(longer).toMatchObject({ status: 'requested', newEndDate: '2028-04-15', grantedCentsBefore: 3_000_000 });
    const short = await owner.agent.post(path).send({ kind: 'other', motivation: 'kort' }).expect(400);
    expect(fields(short.body)).toEqual(['motivation']);
    const more = await owner.agent
      .post(path)
      .send({ kind: 'budget_shift', motivation: 'Meer begeleiders nodig dan gepland.', grantedCentsAfter: 3_000_001 })
      .expect(409);
    expect(more.body.code).toBe('GRANT_INCREASE_REFUSED');
    const less = (
      await owner.agent
        .post(path)
        .send({ kind: 'budget_shift', motivation: 'Minder materiaal nodig dan gepland.', grantedCentsAfter: 2_500_000 })
        .expect(201)
    ).body as ChangeRequestView;

    const motivation = 'Akkoord: de activiteiten blijven binnen de doelstellingen van de oproep.';
    const approved = await admin.agent
      .post(`/api/v1/change-requests/${longer.id}/approve`)
      .send({ motivation })
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decisionMotivation: motivation });
    const again = await admin.agent
      .post(`/api/v1/change-requests/${longer.id}/refuse`)
      .send({ motivation })
      .expect(409);
    expect(again.body.code).toBe('CHANGE_REQUEST_DECIDED');
    await admin.agent.post(`/api/v1/change-requests/${less.id}/refuse`).send({ motivation: '' }).expect(400);

    const results = await race(
      [admin, admin2, admin, admin2].map((s, i) => ({
        label: i % 2 ? 'refuse' : 'approve',
        session: s,
        request: (x: Session) =>
          x.agent.post(`/api/v1/change-requests/${less.id}/${i % 2 ? 'refuse' : 'approve'}`).send({ motivation }),
      })),
    );
    expect(serverErrors(results)).toEqual([]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.code === 'CHANGE_REQUEST_DECIDED')).toHaveLength(3);

    // The database refuses a higher amount whoever writes, and a decided request never changes.
    const insert = (before: number, after: number) =>
      api.dataSource.query(
        `INSERT INTO change_requests (dossier_id, kind, motivation, granted_cents_before, granted_cents_after, requested_by)
         SELECT id, 'other', 'Rechtstreeks in de databank.', $2, $3, created_by FROM dossiers WHERE id = $1`,
        [dossier.id, before, after],
      );
    expect(await databaseError(insert(3_000_000, 3_000_001))).toMatchObject({
      code: 'PL409',
      message: 'GRANT_INCREASE_REFUSED',
    });
    expect(await databaseError(insert(4_000_000, 3_500_000))).toMatchObject({
      code: 'PL409',
      message: 'GRANT_INCREASE_REFUSED',
    });
    expect(
      await databaseError(
        api.dataSource.query(`UPDATE change_requests SET granted_cents_after = 1 WHERE id = $1`, [longer.id]),
      ),
    ).toMatchObject({ code: 'PL409', message: 'CHANGE_REQUEST_DECIDED' });

    const mine = (await owner.agent.get(path).expect(200)).body as ChangeRequestView[];
    expect(mine.map((c) => c.status).sort()).toEqual(['approved', expect.stringMatching(/approved|refused/)].sort());
    const listed = (await admin.agent.get(`/api/v1/calls/${callId}/change-requests`).expect(200))
      .body as ChangeRequestView[];
    expect(listed).toHaveLength(2);
    expect(await auditEvents(api, { action: 'change_request.submitted', entityId: longer.id })).toHaveLength(1);
    expect(await auditEvents(api, { action: 'change_request.approved', entityId: longer.id })).toHaveLength(1);
    const email = await creatorEmail(dossier.id);
    const subjects = await waitUntil(async () => {
      const got = mail.sink
        .to(email)
        .map((m) => m.subject ?? '')
        .filter((s) => s.includes('wijzigingsaanvraag'));
      return got.length >= 4 ? got : null;
    });
    expect(subjects.filter((s) => s.endsWith('is ontvangen'))).toHaveLength(2);
    // The first request approved; the raced one approved or refused, once.
    expect(subjects.filter((s) => s.endsWith('is goedgekeurd') || s.endsWith('is geweigerd'))).toHaveLength(2);
  });

  it('only the awarded dossier’s organisation and the administration see it; a rejected dossier has no after-award', async () => {
    const stranger = await session(api, await createUser(api, ['applicant']));
    await stranger.agent.get(`/api/v1/dossiers/${awarded[0].id}/reports`).expect(404);
    await stranger.agent.get(`/api/v1/dossiers/${awarded[0].id}/change-requests`).expect(404);
    const owner = rejected.owner;
    const save = await owner.agent.put(report(owner, rejected.id)).set('If-Match', '0').send(FULL).expect(409);
    expect(save.body.code).toBe('AWARDED_DOSSIERS_ONLY');
    const change = await owner.agent
      .post(`/api/v1/dossiers/${rejected.id}/change-requests`)
      .send({ kind: 'other', motivation: 'Kunnen we toch starten met een kleiner project?' })
      .expect(409);
    expect(change.body.code).toBe('AWARDED_DOSSIERS_ONLY');
    expect((await owner.agent.get(`/api/v1/dossiers/${rejected.id}/reports`).expect(200)).body).toEqual([]);
  });
});
