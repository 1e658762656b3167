import { type AuditEventView, type CallInput } from '@portal/contracts';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { referenceCall } from '../../apps/api/src/seed/demo-calls';
import { applicantWithOrganisation, closeCallOnTime, completeDossier, createCall } from '../support/factories';
import { DEMO, session, startApi, type Session, type TestApi } from '../support/test-app';
import { readBuffer } from '../support/http';
import { stateNoConflict } from '../support/lifecycle';

const CRITERIA = referenceCall().criteria;

function callInput(): CallInput {
  return {
    code: `AUD-${randomBytes(3).toString('hex').toUpperCase()}`,
    title: 'Oproep voor de auditlog',
    description: 'Projectsubsidies voor organisaties.',
    applicantKinds: ['organisation'],
    policyDomains: ['Welzijn'],
    opensAt: '2030-01-07T09:00',
    closesAt: '2030-03-29T23:59:59',
    maxRequestedCents: 5_000_000,
    budgetCents: 25_000_000,
    projectStart: '2031-01-01',
    projectEnd: '2031-12-31',
    oneDossierPerApplicant: true,
    attachments: [{ code: 'BEGROTING', label: 'Begroting', required: true }],
    questions: [{ code: 'DOEL', label: 'Doel', type: 'longText', required: true, maxLength: 1000 }],
    criteria: [{ code: 'RELEVANTIE', label: 'Relevantie', scaleMin: 0, scaleMax: 5, weight: 2, threshold: 2.5 }],
    tieBreak: ['criteria-in-order', 'earlier-submission'],
  };
}

/** An audit event written straight into the table at a chosen moment (the trigger refuses changes, not inserts). */
async function insertEvent(
  api: TestApi,
  event: { at: string; action: string; entityType?: string; entityId?: string; after?: object },
): Promise<void> {
  await api.dataSource.query(
    `INSERT INTO audit_events (occurred_at, actor_user_id, action, entity_type, entity_id, after)
     VALUES ($1, NULL, $2, $3, $4, $5)`,
    [event.at, event.action, event.entityType ?? 'system', event.entityId ?? null, JSON.stringify(event.after ?? {})],
  );
}

describe('the audit log for the administration: filters, pages, export', () => {
  let api: TestApi;
  let admin: Session;

  async function list(
    query: Record<string, string | number>,
  ): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
    const response = await admin.agent.get('/api/v1/admin/audit-events').query(query).expect(200);
    return response.body;
  }

  beforeAll(async () => {
    api = await startApi();
    admin = await session(api, DEMO.admin);
  });

  afterAll(async () => {
    await api.close();
  });

  it('shows a call created, changed and published, with who did it and the values before and after', async () => {
    const created = await admin.agent.post('/api/v1/calls').send(callInput()).expect(201);
    const id = created.body.id as string;
    await admin.agent
      .patch(`/api/v1/calls/${id}`)
      .set('If-Match', String(created.body.version))
      .send({ title: 'Oproep voor de auditlog (gewijzigd)' })
      .expect(200);
    await admin.agent.post(`/api/v1/calls/${id}/publish`).expect(200);

    const page = await list({ entityType: 'call', entityId: id });
    expect(page.items.map((e) => e.action)).toEqual(['call.published', 'call.changed', 'call.created']);
    const [published, changed] = page.items;
    expect(changed.before).toMatchObject({ title: 'Oproep voor de auditlog' });
    expect(changed.after).toMatchObject({ title: 'Oproep voor de auditlog (gewijzigd)' });
    expect(published.before).toMatchObject({ status: 'draft' });
    expect(published.after).toMatchObject({ status: 'published' });
    expect(published).toMatchObject({ actorEmail: DEMO.admin, entityType: 'call', entityId: id });
    expect(published.requestId).toEqual(expect.any(String));

    // The same events through the action filter: exact, or every action under a prefix ending with a dot.
    expect((await list({ entityId: id, action: 'call.changed' })).items).toHaveLength(1);
    expect((await list({ entityId: id, action: 'call.' })).items).toHaveLength(3);
    expect((await list({ entityId: id, action: 'call' })).items).toHaveLength(0);
  });

  it('filters by actor, by e-mail or id; a failed login is found under the address that was typed', async () => {
    const me = (await admin.agent.get('/api/v1/auth/me').expect(200)).body.user;
    const stranger = `onbekend-${randomBytes(3).toString('hex')}@example.org`;
    const anonymous = await session(api);
    await anonymous.agent.post('/api/v1/auth/login').send({ email: stranger, password: 'fout-wachtwoord' }).expect(401);

    const byEmail = await list({ actor: DEMO.admin.toUpperCase() });
    expect(byEmail.items.length).toBeGreaterThan(0);
    expect(byEmail.items.every((e) => e.actorUserId === me.id)).toBe(true);
    expect((await list({ actor: me.id })).items.map((e) => e.id)).toEqual(byEmail.items.map((e) => e.id));

    const failed = await list({ actor: stranger });
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]).toMatchObject({ action: 'auth.login_failed', actorUserId: null, actorEmail: null });
  });

  it('reads from and to as Brussels dates or moments (the night of the summer time change included)', async () => {
    const entityId = `periode-${randomBytes(3).toString('hex')}`;
    // 23:30 on 28 March, 00:30 on 29 March, 03:30 on 29 March (summer time from 02:00) and 00:10 on 30 March, Brussels.
    for (const at of ['2026-03-28T22:30:00Z', '2026-03-28T23:30:00Z', '2026-03-29T01:30:00Z', '2026-03-29T22:10:00Z']) {
      await insertEvent(api, { at, action: 'test.period', entityId });
    }
    const moments = async (query: Record<string, string>) =>
      (await list({ entityId, ...query })).items.map((e) => e.occurredAt);

    expect(await moments({ from: '2026-03-29', to: '2026-03-29' })).toEqual([
      '2026-03-29T01:30:00.000Z',
      '2026-03-28T23:30:00.000Z',
    ]);
    expect(await moments({ from: '2026-03-29T03:30' })).toEqual([
      '2026-03-29T22:10:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
    expect(await moments({ to: '2026-03-28T23:30' })).toEqual(['2026-03-28T22:30:00.000Z']);

    const refused = await admin.agent
      .get('/api/v1/admin/audit-events')
      .query({ from: '29/03/2026' })
      .set('Accept-Language', 'en')
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'from' }] });
    const reversed = await admin.agent
      .get('/api/v1/admin/audit-events')
      .query({ from: '2026-03-30', to: '2026-03-29' })
      .expect(400);
    expect(reversed.body.errors[0].field).toBe('to');
    const badActor = await admin.agent.get('/api/v1/admin/audit-events').query({ actor: 'niemand' }).expect(400);
    expect(badActor.body.errors[0].field).toBe('actor');
  });

  it('pages newest first with a cursor, without gaps or duplicates even when events share a moment', async () => {
    const action = `test.page_${randomBytes(3).toString('hex')}`;
    // Seven events: four at the same microsecond, three a second apart.
    for (let i = 0; i < 4; i++) await insertEvent(api, { at: '2026-05-01T10:00:00.123456Z', action });
    for (let i = 1; i <= 3; i++) await insertEvent(api, { at: `2026-05-01T10:00:0${i}Z`, action });

    const seen: AuditEventView[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list({ action, limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen.map((e) => e.id)).size).toBe(7);
    const times = seen.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);

    const badCursor = await admin.agent
      .get('/api/v1/admin/audit-events')
      .query({ cursor: 'bm9nLWdlZW4tY3Vyc29y' })
      .expect(400);
    expect(badCursor.body.errors[0].field).toBe('cursor');
  });

  it('exports the same filter as CSV and XLSX; cells never start a formula; the export itself is audited', async () => {
    const entityId = `export-${randomBytes(3).toString('hex')}`;
    await insertEvent(api, { at: '2026-06-01T08:00:00Z', action: 'test.export', entityId, after: { a: 1 } });
    await insertEvent(api, {
      at: '2026-06-01T09:00:00Z',
      action: 'test.export',
      entityId,
      after: { email: '=HYPERLINK("http://evil.example")' },
    });
    await insertEvent(api, { at: '2026-06-02T09:00:00Z', action: 'test.other', entityId });

    const csv = await admin.agent
      .get('/api/v1/admin/audit-events/export')
      .query({ entityId, action: 'test.export', format: 'csv' })
      .buffer(true)
      .parse(readBuffer)
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('auditlog.csv');
    const lines = (csv.body as Buffer)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Tijdstip (Brussel);Wie;Handeling;Object;Soort object;Handelingscode;Actor-id;Object-id;Voor;Na;Request-id',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^01\/06\/2026 11:00:00;/);
    expect(lines[1]).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    // JSON cells start with a brace: the address inside cannot act as a formula.
    expect(lines[1]).toContain(`;"{""email"":""=HYPERLINK(`);
    expect(lines[2]).toContain('01/06/2026 10:00:00');

    const xlsx = await admin.agent
      .get('/api/v1/admin/audit-events/export')
      .query({ entityId, format: 'xlsx' })
      .buffer(true)
      .parse(readBuffer)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = workbook.getWorksheet('Auditlog')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(6).value).toBe('test.other');
    // A typed date cell holding Brussels wall-clock time (11:00 in June for 09:00 UTC).
    expect(sheet.getRow(2).getCell(1).value).toEqual(new Date(Date.UTC(2026, 5, 2, 11, 0, 0)));

    const exported = await list({ action: 'audit.exported', actor: DEMO.admin });
    expect(exported.items[0].after).toMatchObject({ format: 'xlsx', rows: 3, filter: { entityId } });
    expect(exported.items[1].after).toMatchObject({ format: 'csv', rows: 2 });
  });

  it('names actions in words and objects by what people know them by (a call by its code, a dossier by its reference)', async () => {
    const call = await createCall(api);
    const owner = await applicantWithOrganisation(api);
    const { id: dossierId } = await completeDossier(api, owner, call.id);
    await owner.agent.post(`/api/v1/dossiers/${dossierId}/submit`).send({ declaration: true }).expect(200);
    await insertEvent(api, {
      at: '2026-06-04T09:00:00Z',
      action: 'call.published',
      entityType: 'call',
      entityId: call.id,
    });
    await insertEvent(api, {
      at: '2026-06-04T09:01:00Z',
      action: 'dossier.submitted',
      entityType: 'dossier',
      entityId: dossierId,
    });
    await insertEvent(api, {
      at: '2026-06-04T09:02:00Z',
      action: 'call.changed',
      entityType: 'call',
      entityId: 'not-a-uuid',
    });
    const page = await list({ from: '2026-06-04', to: '2026-06-04' });
    const byAction = new Map(page.items.map((item) => [item.action, item]));
    expect(byAction.get('call.published')?.entityLabel).toBe(call.code);
    const { reference } = await api.dataSource
      .query<Array<{ reference: string }>>('SELECT reference FROM dossiers WHERE id = $1', [dossierId])
      .then((rows) => rows[0]);
    expect(byAction.get('dossier.submitted')?.entityLabel).toBe(reference);
    expect(byAction.get('call.changed')?.entityLabel).toBeNull();

    const csv = await admin.agent
      .get('/api/v1/admin/audit-events/export')
      .query({ from: '2026-06-04', to: '2026-06-04', format: 'csv' })
      .expect(200);
    expect(csv.text).toContain(`;Dossier ingediend;${reference};dossier;dossier.submitted;`);
    expect(csv.text).toContain(`;Oproep gepubliceerd;${call.code};call;call.published;`);
  });

  it('a value that would start a formula is quoted in the export', async () => {
    const entityId = `=cmd|' /C calc'!A0`;
    await insertEvent(api, { at: '2026-06-03T09:00:00Z', action: 'test.formula', entityId });
    const csv = await admin.agent
      .get('/api/v1/admin/audit-events/export')
      .query({ action: 'test.formula' })
      .expect(200);
    expect(csv.text).toContain(`;'=cmd|' /C calc'!A0;`);
    expect(csv.text).not.toMatch(/;=cmd/);
  });

  it('only admins see or export it', async () => {
    const applicant = await session(api, DEMO.applicant);
    expect((await applicant.agent.get('/api/v1/admin/audit-events').expect(403)).body.code).toBe('FORBIDDEN');
    await applicant.agent.get('/api/v1/admin/audit-events/export').expect(403);
    await (await session(api)).agent.get('/api/v1/admin/audit-events').expect(401);
  });
});

describe('every state change of a dossier, its scores, the selection and the decision is audited with before and after', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('from creation to the minister’s decision', async () => {
    const admin = await session(api, DEMO.admin);
    const reviewer = await session(api, DEMO.reviewer);
    const minister = await session(api, DEMO.minister);
    const call = await createCall(api, { overrides: { criteria: CRITERIA, budgetCents: 20_000_000 } });
    const owner = await applicantWithOrganisation(api);
    const { id } = await completeDossier(api, owner, call.id);
    await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
    await closeCallOnTime(api, call.id);

    await admin.agent
      .post(`/api/v1/dossiers/${id}/admissibility`)
      .send({ decision: 'admissible', motivation: 'Voldoet aan alle voorwaarden.' })
      .expect(200);
    await admin.agent
      .post(`/api/v1/calls/${call.id}/assignments`)
      .send({ dossierId: id, reviewerId: (await reviewer.agent.get('/api/v1/auth/me')).body.user.id })
      .expect(200);
    const [assignment] = (await reviewer.agent.get('/api/v1/assignments/mine').expect(200)).body;
    const scores = CRITERIA.map((c) => ({ criterionCode: c.code, score: 4, comment: null }));
    await stateNoConflict(reviewer, assignment.id);
    await reviewer.agent.put(`/api/v1/assignments/${assignment.id}/scores`).send({ scores, submit: true }).expect(200);
    await admin.agent
      .put(`/api/v1/dossiers/${id}/consensus`)
      .send({ scores: [{ criterionCode: CRITERIA[0].code, score: 4.5, motivation: 'Na overleg.' }] })
      .expect(204);
    await admin.agent.post(`/api/v1/calls/${call.id}/proposal`).send({ marginRule: 'skip' }).expect(201);
    await admin.agent.post(`/api/v1/calls/${call.id}/proposal/send`).expect(200);
    await minister.agent
      .post(`/api/v1/calls/${call.id}/proposal/approve`)
      .send({ decisionDate: '2026-11-30', decisionReference: 'MB-AUDIT-1' })
      .expect(200);

    const events = (await admin.agent.get('/api/v1/admin/audit-events').query({ entityType: 'dossier', entityId: id }))
      .body.items as AuditEventView[];
    const byAction = new Map(events.map((e) => [e.action, e]));
    expect([...byAction.keys()].sort()).toEqual(
      [
        'consensus.set',
        'dossier.admissibility_decided',
        'dossier.attachment_added',
        'dossier.created',
        'dossier.decided',
        'dossier.submitted',
        'review.assigned',
        'review.no_conflict_stated',
        'review.submitted',
      ].sort(),
    );
    for (const action of [
      'dossier.submitted',
      'dossier.admissibility_decided',
      'review.submitted',
      'consensus.set',
      'dossier.decided',
    ]) {
      expect({ action, before: byAction.get(action)!.before }).toEqual({ action, before: expect.any(Object) });
      expect({ action, after: byAction.get(action)!.after }).toEqual({ action, after: expect.any(Object) });
    }
    expect(byAction.get('dossier.admissibility_decided')!.before).toMatchObject({
      status: 'submitted',
      decision: null,
    });
    expect(byAction.get('review.no_conflict_stated')!).toMatchObject({
      before: { noConflictStatedAt: null },
      after: { noConflictStatedAt: expect.any(String) },
    });
    expect(byAction.get('review.submitted')!).toMatchObject({
      before: { status: 'assigned' },
      after: { status: 'submitted' },
    });
    expect(byAction.get('dossier.decided')!).toMatchObject({
      actorEmail: DEMO.minister,
      before: { status: 'submitted', grantedCents: null },
      after: { status: 'awarded', decisionReference: 'MB-AUDIT-1' },
    });

    const callEvents = (await admin.agent.get('/api/v1/admin/audit-events').query({ entityId: call.id })).body
      .items as AuditEventView[];
    expect(callEvents.map((e) => e.action)).toEqual(['proposal.approved', 'proposal.sent', 'proposal.created']);
    expect(callEvents[0]).toMatchObject({ before: { status: 'sent' }, after: { status: 'approved' } });
  });
});
