import {
  type CatalogueAllocationView,
  type CatalogueReport,
  type SubscriptionAllocationView,
  type SubscriptionView,
} from '@portal/contracts';
import { AuditEventEntity, DossierEntity, NotificationEntity } from '@portal/server';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { createCall, createUser, withTriggersOff } from '../support/factories';
import {
  THREE_ACTIONS,
  THREE_ACTIONS_CENTS,
  createCatalogueCall,
  freshNisCode,
  localGovernment,
  planSamenleven,
  startSubscription,
} from '../support/catalogue';
import { DEMO, session, startApi, type Session, type TestApi } from '../support/test-app';
import { readBuffer } from '../support/http';

type Errors = Array<{ field: string; code: string; message: string }>;

describe('catalogue calls (Plan Samenleven): subscriptions, allocation by priority, reports', () => {
  let api: TestApi;
  let admin: Session;
  let minister: Session;

  beforeAll(async () => {
    api = await startApi();
    admin = await session(api, DEMO.admin);
    minister = await session(api, DEMO.minister);
  });

  afterAll(async () => {
    await api.close();
  });

  const put = (user: Session, id: string, version: number, body: object) =>
    user.agent.put(`/api/v1/dossiers/${id}/subscription`).set('If-Match', String(version)).send(body);
  const submit = (user: Session, id: string) =>
    user.agent
      .post(`/api/v1/dossiers/${id}/submit`)
      .send({ declaration: true })
      .set('Idempotency-Key', randomBytes(12).toString('hex'));

  describe('the seeded calls', () => {
    it('hold the real 2022 catalogue (7 objectives, 19 actions, 27 rows) closing 1 July 2022 23:59:59 Brussels, and an open demo copy', async () => {
      const calls = (await api.http.get('/api/v1/calls').expect(200)).body as Array<{
        id: string;
        code: string;
        kind: string;
        closesAt: string;
        isOpen: boolean;
      }>;
      const real = calls.find((c) => c.code === 'PLAN-SAMENLEVEN-2022')!;
      const demo = calls.find((c) => c.code === 'PLAN-SAMENLEVEN-DEMO')!;
      expect(real).toMatchObject({ kind: 'catalogue', closesAt: '2022-07-01T21:59:59.000Z', isOpen: false });
      expect(demo).toMatchObject({ kind: 'catalogue', isOpen: true });
      expect(calls.find((c) => c.code === 'GV-CONNECT-DEMO')?.kind).toBe('project');
      const catalogue = (await api.http.get(`/api/v1/calls/${real.id}/catalogue`).expect(200)).body;
      const actions = catalogue.catalogue.objectives.flatMap((o: { actions: unknown[] }) => o.actions);
      const rows = actions.flatMap((a: { rows: unknown[] }) => a.rows);
      expect([catalogue.catalogue.objectives.length, actions.length, rows.length]).toEqual([7, 19, 27]);
      expect(rows[0]).toEqual({ code: 'O1.A1.R1', unit: 'lokaal actieplan', maxUnits: 1, centsPerUnit: 2_500_000 });
    });
  });

  describe('the catalogue as data', () => {
    it('an admin imports a catalogue (If-Match), invalid JSON is refused with the paths of the fields, and it freezes once dossiers exist', async () => {
      const call = await createCall(api, { overrides: { applicantKinds: ['local_government'], policyDomains: [] } });
      const path = `/api/v1/calls/${call.id}/catalogue`;
      const invalid = await admin.agent
        .put(path)
        .set('If-Match', String(call.version))
        .send({ catalogue: { objectives: [{ name: 'Werk', actions: [{ text: 'Mentoren', rows: [{ unit: 'x' }] }] }] } })
        .expect(400);
      expect(invalid.body.code).toBe('CATALOGUE_INVALID');
      expect((invalid.body.errors as Errors).map((e) => `${e.field}:${e.code}`)).toEqual([
        'catalogue.objectives.0.actions.0.rows.0.maxUnits:NOT_POSITIVE_INTEGER',
        'catalogue.objectives.0.actions.0.rows.0.eurPerUnit:REQUIRED',
      ]);
      await admin.agent
        .put(path)
        .set('If-Match', String(call.version + 5))
        .send({ catalogue: planSamenleven })
        .expect(409);
      const imported = await admin.agent
        .put(path)
        .set('If-Match', String(call.version))
        .send({ catalogue: { objectives: planSamenleven.objectives.slice(0, 2) } })
        .expect(200);
      expect(imported.body.version).toBe(call.version + 1);
      expect(imported.body.catalogue.objectives.map((o: { code: string }) => o.code)).toEqual(['O1', 'O2']);
      expect((await api.http.get(`/api/v1/calls/${call.id}`).expect(200)).body.kind).toBe('catalogue');

      const user = await localGovernment(api);
      await startSubscription(user, call.id);
      const frozen = await admin.agent
        .put(path)
        .set('If-Match', String(imported.body.version))
        .send({ catalogue: planSamenleven })
        .expect(409);
      expect(frozen.body.code).toBe('CALL_CHANGE_HURTS_APPLICANTS');
      const audit = await api.dataSource
        .getRepository(AuditEventEntity)
        .find({ where: { entityType: 'call', entityId: call.id, action: 'call.catalogue_set' } });
      expect(audit).toHaveLength(1);
    });
  });

  describe('a subscription', () => {
    it('computes the Flemish contribution, autosaves with If-Match, submits with a receipt and an audit record', async () => {
      const call = await createCatalogueCall(api);
      const user = await localGovernment(api, 'Stad Gent');
      const { id, version } = await startSubscription(user, call.id);
      const saved = await put(user, id, version, THREE_ACTIONS).expect(200);
      const view = saved.body as SubscriptionView;
      expect(view).toMatchObject({
        version: version + 1,
        flemishContributionCents: THREE_ACTIONS_CENTS,
        ownContributionCents: THREE_ACTIONS_CENTS,
        issues: [],
        status: 'draft',
      });
      // A stale version is a conflict that carries the current subscription.
      const stale = await put(user, id, version, THREE_ACTIONS).expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      expect(stale.body.current.version).toBe(version + 1);

      const receipt = await submit(user, id).expect(200);
      expect(receipt.body.reference).toBe(`${call.code}-0001`);
      const [submission] = await api.dataSource.query<Array<{ content: Record<string, unknown> }>>(
        'SELECT content FROM dossier_submissions WHERE dossier_id = $1',
        [id],
      );
      expect(submission.content).toMatchObject({
        requestedCents: THREE_ACTIONS_CENTS,
        ownContributionCents: THREE_ACTIONS_CENTS,
        subscription: { lines: THREE_ACTIONS.lines, priorities: THREE_ACTIONS.priorities },
      });
      const after = (await user.agent.get(`/api/v1/dossiers/${id}/subscription`).expect(200)).body as SubscriptionView;
      expect(after).toMatchObject({
        status: 'submitted',
        hasUnsubmittedChanges: false,
        reference: `${call.code}-0001`,
      });
      const audit = await api.dataSource
        .getRepository(AuditEventEntity)
        .find({ where: { entityType: 'dossier', entityId: id }, order: { occurredAt: 'ASC' } });
      expect(audit.map((a) => a.action)).toEqual(['dossier.created', 'dossier.submitted']);
    });

    it('stores a planned reach above the row maximum with the issue; an unknown row is refused at once', async () => {
      const call = await createCatalogueCall(api);
      const user = await localGovernment(api);
      const { id, version } = await startSubscription(user, call.id);
      const above = {
        lines: [{ rowCode: 'O4.A1.R2', currentReach: 0, plannedExtraReach: 39 }],
        priorities: { 'O4.A1': 1 },
        ownContributionCents: 10_000_000,
      };
      const stored = await put(user, id, version, above).expect(200);
      expect((stored.body as SubscriptionView).issues).toContainEqual({
        field: 'lines.0.plannedExtraReach',
        code: 'ABOVE_MAX_UNITS',
        message: {
          nl: 'Het extra bereik is hoogstens 38 (begeleide personen met een handicap).',
          en: 'The extra reach is at most 38 (begeleide personen met een handicap).',
        },
      });
      const unknown = await put(user, id, version + 1, {
        ...above,
        lines: [{ rowCode: 'O9.A9.R9', currentReach: 0, plannedExtraReach: 1 }],
      }).expect(400);
      expect(unknown.body.code).toBe('SUBSCRIPTION_INVALID');
      expect((unknown.body.errors as Errors).map((e) => `${e.field}:${e.code}`)).toEqual([
        'lines.0.rowCode:UNKNOWN_ROW',
      ]);
      const view = (await user.agent.get(`/api/v1/dossiers/${id}/subscription`).expect(200)).body as SubscriptionView;
      expect(view).toMatchObject({ version: version + 1, lines: above.lines, flemishContributionCents: 0 });
    });

    it('refuses duplicate priorities at submission, naming each action', async () => {
      const call = await createCatalogueCall(api);
      const user = await localGovernment(api);
      const { id, version } = await startSubscription(user, call.id);
      const draft = await put(user, id, version, {
        ...THREE_ACTIONS,
        priorities: { 'O4.A1': 1, 'O3.A2': 1, 'O2.A1': 2 },
      }).expect(200);
      expect((draft.body as SubscriptionView).issues.map((i) => i.code)).toContain('DUPLICATE_PRIORITY');
      const refused = await submit(user, id).expect(400);
      expect(refused.body.code).toBe('SUBSCRIPTION_INVALID');
      expect((refused.body.errors as Errors).map((e) => `${e.field}:${e.code}`)).toEqual([
        'priorities.O3.A2:DUPLICATE_PRIORITY',
        'priorities.O4.A1:DUPLICATE_PRIORITY',
        'priorities:PRIORITY_GAP',
      ]);
      expect((refused.body.errors as Errors)[0].message).toMatch(/Prioriteit 1 is ook gegeven aan O4\.A1/);
      expect(await api.dataSource.query('SELECT 1 FROM dossier_submissions WHERE dossier_id = $1', [id])).toEqual([]);
    });

    it('refuses an own contribution below the Flemish contribution at submission', async () => {
      const call = await createCatalogueCall(api);
      const user = await localGovernment(api);
      const { id, version } = await startSubscription(user, call.id);
      await put(user, id, version, { ...THREE_ACTIONS, ownContributionCents: THREE_ACTIONS_CENTS - 1 }).expect(200);
      const refused = await submit(user, id).expect(400);
      expect(refused.body.code).toBe('SUBSCRIPTION_INVALID');
      expect(refused.body.errors).toEqual([
        {
          field: 'ownContributionCents',
          code: 'OWN_CONTRIBUTION_TOO_LOW',
          message: expect.stringMatching(/minstens even groot .*235\.500,00/),
        },
      ]);
      const [{ status }] = await api.dataSource.query('SELECT status FROM dossiers WHERE id = $1', [id]);
      expect(status).toBe('draft');
    });

    it('never gives a local government a second subscription: same dossier for a colleague, NIS code taken, and the database refuses a second live row', async () => {
      const call = await createCatalogueCall(api);
      const user = await localGovernment(api);
      const first = await startSubscription(user, call.id);
      await put(user, first.id, first.version, THREE_ACTIONS).expect(200);
      await submit(user, first.id).expect(200);

      // A colleague of the same local government gets the existing subscription, not a new one.
      const colleagueEmail = await createUser(api);
      const colleague = await session(api, colleagueEmail);
      const [{ id: colleagueId }] = await api.dataSource.query<Array<{ id: string }>>(
        'SELECT id FROM users WHERE email = $1',
        [colleagueEmail],
      );
      await api.dataSource.query(
        `INSERT INTO applicant_members (applicant_id, user_id, role) VALUES ($1, $2, 'member')`,
        [user.applicantId, colleagueId],
      );
      const again = await colleague.agent
        .post(`/api/v1/calls/${call.id}/dossiers`)
        .send({ applicantId: user.applicantId })
        .expect(200);
      expect(again.body.id).toBe(first.id);

      // The same local government cannot be registered a second time to subscribe again.
      const other = await session(api, await createUser(api));
      const duplicate = await other.agent
        .post('/api/v1/applicants')
        .send({
          kind: 'local_government',
          legalName: 'Dezelfde gemeente',
          nisCode: user.nisCode,
          policyDomains: ['Integratie'],
          address: { street: 'Markt 1', postalCode: '9000', city: 'Gent' },
          iban: 'BE68 5390 0754 7034',
          contactName: 'Iemand',
          contactEmail: 'iemand@example.org',
        })
        .expect(409);
      expect(duplicate.body.code).toBe('NIS_CODE_TAKEN');

      // And the database itself holds one live subscription per local government per call.
      await expect(
        api.dataSource.query(`INSERT INTO dossiers (call_id, applicant_id, slot, created_by) VALUES ($1, $2, 0, $3)`, [
          call.id,
          user.applicantId,
          colleagueId,
        ]),
      ).rejects.toThrow(/dossiers_one_live_per_applicant/);
      expect(await api.dataSource.getRepository(DossierEntity).count({ where: { callId: call.id } })).toBe(1);
    });

    it('refuses a subscription one second late, whatever the client says, and takes no other reference number', async () => {
      const call = await createCatalogueCall(api);
      const user = await localGovernment(api);
      const { id, version } = await startSubscription(user, call.id);
      await put(user, id, version, THREE_ACTIONS).expect(200);
      await api.dataSource.query(`UPDATE calls SET closes_at = now() - interval '1 second' WHERE id = $1`, [call.id]);
      const late = await submit(user, id)
        .set('Date', new Date(Date.now() - 3_600_000).toUTCString())
        .expect(409);
      expect(late.body.code).toBe('DEADLINE_PASSED');
      expect(late.body.detail).toMatch(/Brusselse tijd/);
      const save = await put(user, id, version + 1, THREE_ACTIONS).expect(409);
      expect(save.body.code).toBe('DEADLINE_PASSED');
      // The subscription has the number it got when it was started (ADR 0021); the late submit took none.
      const [row] = await api.dataSource.query(
        'SELECT c.dossier_seq, d.reference FROM calls c JOIN dossiers d ON d.call_id = c.id WHERE d.id = $1',
        [id],
      );
      expect(row).toEqual({ dossier_seq: 1, reference: `${call.code}-0001` });
      expect(await api.dataSource.query('SELECT 1 FROM dossier_submissions WHERE dossier_id = $1', [id])).toEqual([]);
    });

    it('is not for project calls, and only for the local government itself', async () => {
      const call = await createCatalogueCall(api);
      const user = await localGovernment(api);
      const { id } = await startSubscription(user, call.id);
      const stranger = await localGovernment(api);
      await stranger.agent.get(`/api/v1/dossiers/${id}/subscription`).expect(404);
      await stranger.agent.get(`/api/v1/dossiers/${id}/allocation`).expect(404);
      await admin.agent.get(`/api/v1/dossiers/${id}/subscription`).expect(403);
      const project = await createCall(api);
      const notCatalogue = await admin.agent.post(`/api/v1/calls/${project.id}/allocation`).expect(409);
      expect(notCatalogue.body.code).toBe('NOT_A_CATALOGUE_CALL');
    });
  });

  describe('allocation: the admin computes and sends, the minister returns or approves', () => {
    it('funds priority 1 first, shares the marginal round, explains per local government, and is approved under the budget', async () => {
      // Budget EUR 200,000. Priority 1 asks 78,000 (A) + 52,000 (B) = 130,000; priority 2 asks 97,500 + 32,000.
      const call = await createCatalogueCall(api, { budgetCents: 20_000_000 });
      const a = await localGovernment(api, 'Gemeente A');
      const b = await localGovernment(api, 'Gemeente B');
      const sa = await startSubscription(a, call.id);
      await put(a, sa.id, sa.version, THREE_ACTIONS).expect(200);
      await submit(a, sa.id).expect(200);
      const sb = await startSubscription(b, call.id);
      await put(b, sb.id, sb.version, {
        lines: [
          { rowCode: 'O3.A3.R1', currentReach: 0, plannedExtraReach: 80 },
          { rowCode: 'O4.A3.R1', currentReach: 0, plannedExtraReach: 100 },
        ],
        priorities: { 'O3.A3': 1, 'O4.A3': 2 },
        ownContributionCents: 8_400_000,
      }).expect(200);
      await submit(b, sb.id).expect(200);

      const early = await admin.agent.post(`/api/v1/calls/${call.id}/allocation`).expect(409);
      expect(early.body.code).toBe('CALL_STILL_OPEN');
      await api.dataSource.query(`UPDATE calls SET closes_at = now() - interval '1 second' WHERE id = $1`, [call.id]);

      const computed = await admin.agent.post(`/api/v1/calls/${call.id}/allocation`).expect(201);
      const allocation = computed.body as CatalogueAllocationView;
      expect(allocation).toMatchObject({
        status: 'draft',
        budgetCents: 20_000_000,
        totalAskedCents: THREE_ACTIONS_CENTS + 8_400_000,
        marginalRound: 2,
      });
      // Round 2: 70,000 left for 97,500 + 32,000 = 129,500: ratio 140/259 = 20/37, rounded down to whole euros.
      const grantOf = (dossierId: string, action: string) =>
        allocation.subscribers.find((s) => s.dossierId === dossierId)!.lines.find((l) => l.actionCode === action)!;
      expect(grantOf(sa.id, 'O4.A1')).toMatchObject({ grantedCents: 7_800_000, reason: 'fully-funded' });
      expect(grantOf(sb.id, 'O3.A3')).toMatchObject({ grantedCents: 5_200_000, reason: 'fully-funded' });
      expect(grantOf(sa.id, 'O3.A2')).toMatchObject({
        grantedCents: Math.floor((9_750_000 * 140) / 259 / 100) * 100,
        reason: 'equal-share-in-marginal-round',
      });
      expect(grantOf(sb.id, 'O4.A3').grantedCents).toBe(Math.floor((3_200_000 * 140) / 259 / 100) * 100);
      expect(grantOf(sa.id, 'O2.A1')).toMatchObject({ grantedCents: 0, reason: 'budget-exhausted' });
      expect(allocation.grantedCents + allocation.remainderCents).toBe(20_000_000);
      expect(grantOf(sa.id, 'O3.A2').text.nl).toMatch(/hetzelfde aandeel \(20\/37, 54,0 %\)/);

      // Nothing is shown to the local government before the minister's approval.
      const pending = (await a.agent.get(`/api/v1/dossiers/${sa.id}/allocation`).expect(200))
        .body as SubscriptionAllocationView;
      expect(pending).toMatchObject({ status: 'pending', allocation: null });

      await minister.agent
        .post(`/api/v1/calls/${call.id}/allocation/approve`)
        .send({ decisionDate: '2022-09-30', decisionReference: 'MB-PS-2022' })
        .expect(409);
      await admin.agent.post(`/api/v1/calls/${call.id}/allocation/send`).expect(200);
      await admin.agent.post(`/api/v1/calls/${call.id}/allocation`).expect(409);
      const returned = await minister.agent
        .post(`/api/v1/calls/${call.id}/allocation/return`)
        .send({ remarks: 'Graag de uitleg nakijken.' })
        .expect(200);
      expect(returned.body).toMatchObject({ status: 'returned', remarks: 'Graag de uitleg nakijken.' });
      await admin.agent.post(`/api/v1/calls/${call.id}/allocation`).expect(201);
      await admin.agent.post(`/api/v1/calls/${call.id}/allocation/send`).expect(200);
      await admin.agent
        .post(`/api/v1/calls/${call.id}/allocation/approve`)
        .send({ decisionDate: '2022-09-30', decisionReference: 'MB-PS-2022' })
        .expect(403);
      const approved = await minister.agent
        .post(`/api/v1/calls/${call.id}/allocation/approve`)
        .send({ decisionDate: '2022-09-30', decisionReference: 'MB-PS-2022' })
        .expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', decisionReference: 'MB-PS-2022' });
      const overview = await minister.agent.get('/api/v1/proposals').expect(200);
      expect(overview.body).toContainEqual(
        expect.objectContaining({ callId: call.id, kind: 'catalogue', status: 'approved', selectedCount: 2 }),
      );
      await minister.agent
        .post(`/api/v1/calls/${call.id}/allocation/approve`)
        .send({ decisionDate: '2022-09-30', decisionReference: 'MB-PS-2022' })
        .expect(409);

      const dossiers = await api.dataSource.query<Array<{ id: string; status: string; granted_cents: string }>>(
        'SELECT id, status, granted_cents FROM dossiers WHERE call_id = $1 ORDER BY reference',
        [call.id],
      );
      const grantedA = 7_800_000 + grantOf(sa.id, 'O3.A2').grantedCents;
      const grantedB = 5_200_000 + grantOf(sb.id, 'O4.A3').grantedCents;
      expect(dossiers).toEqual([
        { id: sa.id, status: 'awarded', granted_cents: String(grantedA) },
        { id: sb.id, status: 'awarded', granted_cents: String(grantedB) },
      ]);
      expect(grantedA + grantedB).toBeLessThanOrEqual(20_000_000);

      const mine = (await a.agent.get(`/api/v1/dossiers/${sa.id}/allocation`).expect(200))
        .body as SubscriptionAllocationView;
      expect(mine).toMatchObject({ status: 'approved', decisionReference: 'MB-PS-2022' });
      expect(mine.allocation).toMatchObject({ askedCents: THREE_ACTIONS_CENTS, grantedCents: grantedA });
      expect(mine.allocation?.lines.map((l) => l.priority)).toEqual([1, 2, 3]);
      expect(mine.allocation?.summary.nl).toMatch(/^Gevraagd: .* voor 3 acties\. Toegekend: /);

      const audit = await api.dataSource
        .getRepository(AuditEventEntity)
        .find({ where: { entityType: 'call', entityId: call.id }, order: { occurredAt: 'ASC' } });
      expect(audit.map((e) => e.action)).toEqual([
        'allocation.created',
        'allocation.sent',
        'allocation.returned',
        'allocation.created',
        'allocation.sent',
        'allocation.approved',
      ]);
      const mails = await api.dataSource
        .getRepository(NotificationEntity)
        .find({ where: { template: 'dossier.decision' } });
      expect(mails.filter((m) => m.subjectRef?.startsWith(call.code))).toHaveLength(2);
    });
  });

  describe('reports', () => {
    // Deterministic pseudo-random subscriptions (mulberry32), so a failure can be replayed.
    function random(seed: number) {
      let state = seed;
      return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }

    // The catalogue read independently of the API and the domain: codes by position, euros to cents.
    const rows = planSamenleven.objectives.flatMap((objective, o) =>
      objective.actions.flatMap((action, a) =>
        action.rows.map((row, r) => ({
          code: `O${o + 1}.A${a + 1}.R${r + 1}`,
          action: `O${o + 1}.A${a + 1}`,
          objective: `O${o + 1}`,
          maxUnits: row.maxUnits,
          cents: row.eurPerUnit * 100,
        })),
      ),
    );

    function subscriptionFor(next: () => number) {
      const chosen = rows.filter(() => next() < 0.25);
      if (chosen.length === 0) chosen.push(rows[Math.floor(next() * rows.length)]);
      const lines = chosen.map((row) => ({
        rowCode: row.code,
        currentReach: Math.floor(next() * 50),
        plannedExtraReach: 1 + Math.floor(next() * row.maxUnits),
      }));
      const actions = [...new Set(chosen.map((row) => row.action))].sort(() => next() - 0.5);
      const priorities = Object.fromEntries(actions.map((action, i) => [action, i + 1]));
      const asked = lines.reduce(
        (sum, line) => sum + line.plannedExtraReach * rows.find((r) => r.code === line.rowCode)!.cents,
        0,
      );
      return { lines, priorities, asked, ownContributionCents: asked + Math.floor(next() * 1000) * 100 };
    }

    it('per action, per objective and per local government match totals computed independently from 80 subscriptions', async () => {
      const next = random(20220701);
      const subscriptions = Array.from({ length: 80 }, () => subscriptionFor(next));
      const totalAsked = subscriptions.reduce((sum, s) => sum + s.asked, 0);
      const budgetCents = Math.floor((totalAsked * 0.6) / 100) * 100;
      const call = await createCatalogueCall(api, { closesIn: '-1 minute', opensIn: '-2 hours', budgetCents });
      const [{ id: userId }] = await api.dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM users WHERE email = $1`,
        [DEMO.applicant],
      );
      const insert = async (s: (typeof subscriptions)[number] | null, index: number, status: string) => {
        const nis = freshNisCode();
        const [applicant] = await api.dataSource.query<Array<{ id: string }>>(
          `INSERT INTO applicants (kind, legal_name, nis_code, address, iban, contact_name, contact_email)
           VALUES ('local_government', $1, $2, '{"street":"Markt 1","postalCode":"9000","city":"Gent"}', 'BE68539007547034', 'Test', 'test@example.org')
           RETURNING id`,
          [`Gemeente ${nis}`, nis],
        );
        const reference = `${call.code}-${String(index + 1).padStart(4, '0')}`;
        const subscription = s ? { lines: s.lines, priorities: s.priorities } : { lines: [], priorities: {} };
        const content = {
          subscription,
          ownContributionCents: s?.ownContributionCents ?? 0,
          requestedCents: s?.asked ?? 0,
        };
        // Fabricated history in a closed call: the lifecycle triggers are off for it (ADR 0009).
        let dossier = { id: '' };
        await withTriggersOff(api, async (query) => {
          [dossier] = (await query(
            `INSERT INTO dossiers (call_id, applicant_id, status, reference, subscription, own_contribution_cents, requested_cents,
                                 submission_count, submitted_at, created_by, title)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - interval '1 hour', $9, 'Intekening') RETURNING id`,
            [
              call.id,
              applicant.id,
              status,
              status === 'draft' ? null : reference,
              JSON.stringify(subscription),
              content.ownContributionCents,
              content.requestedCents,
              status === 'draft' ? 0 : 1,
              userId,
            ],
          )) as Array<{ id: string }>;
          if (status !== 'draft') {
            await query(
              `INSERT INTO dossier_submissions (dossier_id, number, reference, submitted_at, content, content_hash, submitted_by)
             VALUES ($1, 1, $2, now() - interval '1 hour', $3, $4, $5)`,
              [dossier.id, reference, JSON.stringify(content), randomBytes(32).toString('hex'), userId],
            );
          }
        });
      };
      for (const [index, s] of subscriptions.entries()) await insert(s, index, 'submitted');
      // Neither a withdrawn subscription nor a draft counts.
      await insert(subscriptionFor(next), 80, 'withdrawn');
      await insert(subscriptionFor(next), 81, 'draft');

      // Expected figures, by plain arithmetic on the rows.
      const expectedAction = new Map<string, { participants: number; reach: number; asked: number }>();
      const expectedObjective = new Map<string, { participants: Set<number>; reach: number; asked: number }>();
      subscriptions.forEach((s, index) => {
        const seenActions = new Set<string>();
        for (const line of s.lines) {
          const row = rows.find((r) => r.code === line.rowCode)!;
          const action = expectedAction.get(row.action) ?? { participants: 0, reach: 0, asked: 0 };
          if (!seenActions.has(row.action)) action.participants += 1;
          seenActions.add(row.action);
          action.reach += line.plannedExtraReach;
          action.asked += line.plannedExtraReach * row.cents;
          expectedAction.set(row.action, action);
          const objective = expectedObjective.get(row.objective) ?? { participants: new Set(), reach: 0, asked: 0 };
          objective.participants.add(index);
          objective.reach += line.plannedExtraReach;
          objective.asked += line.plannedExtraReach * row.cents;
          expectedObjective.set(row.objective, objective);
        }
      });

      const report = (await admin.agent.get(`/api/v1/calls/${call.id}/catalogue-report`).expect(200))
        .body as CatalogueReport;
      expect(report.subscriptionCount).toBe(80);
      expect(report.allocationStatus).toBeNull();
      expect(report.actions).toHaveLength(19);
      for (const action of report.actions) {
        const expected = expectedAction.get(action.code) ?? { participants: 0, reach: 0, asked: 0 };
        expect([action.code, action.participants, action.plannedReach, action.askedCents, action.grantedCents]).toEqual(
          [action.code, expected.participants, expected.reach, expected.asked, null],
        );
      }
      for (const objective of report.objectives) {
        const expected = expectedObjective.get(objective.code);
        expect([objective.code, objective.participants, objective.plannedReach, objective.askedCents]).toEqual([
          objective.code,
          expected?.participants.size ?? 0,
          expected?.reach ?? 0,
          expected?.asked ?? 0,
        ]);
      }
      expect(report.totals).toEqual({
        participants: 80,
        plannedReach: subscriptions.reduce((sum, s) => sum + s.lines.reduce((n, l) => n + l.plannedExtraReach, 0), 0),
        askedCents: totalAsked,
        grantedCents: null,
      });
      expect(report.subscribers.map((s) => s.askedCents)).toEqual(subscriptions.map((s) => s.asked));
      expect(report.subscribers.map((s) => s.ownContributionCents)).toEqual(
        subscriptions.map((s) => s.ownContributionCents),
      );

      // With an allocation, the report shows what was granted, never above the budget or what was asked.
      const allocation = (await admin.agent.post(`/api/v1/calls/${call.id}/allocation`).expect(201))
        .body as CatalogueAllocationView;
      expect(allocation.subscribers).toHaveLength(80);
      expect(allocation.grantedCents).toBeLessThanOrEqual(budgetCents);
      expect(allocation.marginalRound).not.toBeNull();
      const withGrants = (await minister.agent.get(`/api/v1/calls/${call.id}/catalogue-report`).expect(200))
        .body as CatalogueReport;
      expect(withGrants.allocationStatus).toBe('draft');
      const grantedByAction = new Map<string, number>();
      for (const subscriber of allocation.subscribers) {
        for (const line of subscriber.lines) {
          expect(line.grantedCents).toBeLessThanOrEqual(line.askedCents);
          grantedByAction.set(line.actionCode, (grantedByAction.get(line.actionCode) ?? 0) + line.grantedCents);
        }
      }
      for (const action of withGrants.actions) {
        expect([action.code, action.grantedCents]).toEqual([action.code, grantedByAction.get(action.code) ?? 0]);
      }
      expect(withGrants.totals.grantedCents).toBe(allocation.grantedCents);

      // CSV (semicolons, Belgian Excel) and XLSX (three sheets) carry the same figures.
      const csv = await admin.agent
        .get(`/api/v1/calls/${call.id}/catalogue-report/export?format=csv&part=objectives`)
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'Doelstelling;Naam;Lokale besturen;Gepland extra bereik;Vlaamse bijdrage gevraagd (EUR);Toegekend (EUR)',
      );
      expect(lines).toHaveLength(1 + 7 + 1);
      expect(lines[8].split(';').slice(0, 5)).toEqual([
        'Totaal',
        '',
        '80',
        String(withGrants.totals.plannedReach),
        String(totalAsked / 100).replace('.', ','),
      ]);
      const xlsx = await admin.agent
        .get(`/api/v1/calls/${call.id}/catalogue-report/export?format=xlsx`)
        .buffer(true)
        .parse(readBuffer)
        .expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'Per actie',
        'Per doelstelling',
        'Per lokaal bestuur',
      ]);
      const perAction = workbook.getWorksheet('Per actie')!;
      let askedInSheet = 0;
      perAction.eachRow((row, number) => {
        if (number > 1) askedInSheet += Math.round(Number(row.getCell(6).value) * 100);
      });
      expect(askedInSheet).toBe(totalAsked);

      const reviewer = await session(api, DEMO.reviewer);
      await reviewer.agent.get(`/api/v1/calls/${call.id}/catalogue-report`).expect(403);
      const applicant = await session(api, DEMO.applicant);
      await applicant.agent.get(`/api/v1/calls/${call.id}/catalogue-report/export?format=csv`).expect(403);
    });
  });
});
