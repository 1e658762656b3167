import type { AssignmentView, RankingRow, ReviewPanelView } from '@portal/contracts';
import { AuditEventEntity } from '@portal/server';
import { randomBytes } from 'node:crypto';
import { ReminderScanner } from '../../apps/worker/src/mail/reminder-scanner';
import { closeCallOnTime, createUser } from '../support/factories';
import {
  approve,
  callWithSubmittedDossiers,
  CRITERIA,
  databaseError,
  scoresFor,
  sendProposal,
  stateNoConflict,
  type BuiltDossier,
} from '../support/lifecycle';
import { startMailWorker, tokenFromMail, waitUntil, type MailWorker } from '../support/mail-worker';
import { race, serverErrors } from '../support/race';
import { DEMO, session, startApi, type Session, type TestApi } from '../support/test-app';

const PASSWORD = 'een lange zin als wachtwoord voor het panel';
const ROUTE = '/medewerker-uitnodiging/';

function address(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@test.subsidieportaal.be`;
}

describe('reviewer panels per call (ADR 0013)', () => {
  let api: TestApi;
  let mail: MailWorker;
  let admin: Session;
  let minister: Session;

  const audits = (action: string, entityId: string) =>
    api.dataSource.getRepository(AuditEventEntity).find({ where: { action, entityId }, order: { occurredAt: 'ASC' } });
  const userId = async (email: string) =>
    (await api.dataSource.query<Array<{ id: string }>>('SELECT id FROM users WHERE email = $1', [email]))[0].id;

  /** Invites a person by mail (as staff, or as an expert of one call), and accepts through the link in the mail. */
  async function acceptFromMail(email: string, name: string): Promise<Session> {
    const token = await tokenFromMail(mail.sink, email, ROUTE);
    const visitor = await session(api);
    await visitor.agent
      .post('/api/v1/staff-invitations/accept')
      .send({ token, displayName: name, password: PASSWORD })
      .expect(201);
    return session(api, email, PASSWORD);
  }

  async function admit(dossiers: BuiltDossier[]): Promise<void> {
    for (const dossier of dossiers) {
      await admin.agent
        .post(`/api/v1/dossiers/${dossier.id}/admissibility`)
        .send({ decision: 'admissible', motivation: 'Voldoet aan alle voorwaarden.' })
        .expect(200);
    }
  }

  const assignmentsOf = async (callId: string) =>
    (await admin.agent.get(`/api/v1/calls/${callId}/assignments`).expect(200)).body as AssignmentView[];

  beforeAll(async () => {
    api = await startApi();
    // The periodic scan stays out of the way: the reminder test scans by hand.
    mail = await startMailWorker(api, { REMINDER_SCAN_MS: 3_600_000 });
    admin = await session(api, DEMO.admin);
    minister = await session(api, DEMO.minister);
  });

  afterAll(async () => {
    await mail?.close();
    await api?.close();
  });

  it('three invited reviewers form the panel: each dossier gets exactly them, they state no conflict, score, and the ranking counts their scores', async () => {
    const emails = [address('panel-a'), address('panel-b'), address('panel-c')];
    const team: Session[] = [];
    for (const [index, email] of emails.entries()) {
      await admin.agent
        .post('/api/v1/staff/invitations')
        .send({ email, roles: ['reviewer'] })
        .expect(201);
      team.push(await acceptFromMail(email, `Panellid ${index + 1}`));
    }
    const ids = await Promise.all(emails.map(userId));
    // A staff reviewer outside the panel, to show assignment never reaches beyond it.
    const outsider = await userId(await createUser(api, ['reviewer']));

    const { callId, dossiers } = await callWithSubmittedDossiers(api, [50_000, 60_000, 70_000], 20_000_000);
    const empty = (await admin.agent.get(`/api/v1/calls/${callId}/panel`).expect(200)).body as ReviewPanelView;
    expect(empty).toMatchObject({ configured: false, members: [], perDossier: 3, dueAt: null });
    expect(empty.candidates.map((c) => c.userId)).toEqual(expect.arrayContaining([...ids, outsider]));

    // The panel is composed before the deadline: k = 3, due in ten days.
    const dueAt = new Date(Date.now() + 10 * 24 * 3600_000).toISOString();
    await admin.agent.put(`/api/v1/calls/${callId}/panel`).send({ perDossier: 3, dueAt }).expect(200);
    for (const id of ids.slice(0, 2)) {
      await admin.agent.post(`/api/v1/calls/${callId}/panel/members`).send({ userId: id }).expect(201);
    }
    await closeCallOnTime(api, callId);
    await admit(dossiers);

    // Two members for three reviews per dossier: a clear 409, and nothing assigned.
    const small = await admin.agent.post(`/api/v1/calls/${callId}/assignments`).send({}).expect(409);
    expect(small.body.code).toBe('PANEL_TOO_SMALL');
    expect(small.body.detail).toContain('2');
    expect(await assignmentsOf(callId)).toEqual([]);

    const full = (await admin.agent.post(`/api/v1/calls/${callId}/panel/members`).send({ userId: ids[2] }).expect(201))
      .body as ReviewPanelView;
    expect(full.members.map((m) => m.userId).sort()).toEqual([...ids].sort());
    expect(full.members.every((m) => !m.external)).toBe(true);
    expect(full.candidates.map((c) => c.userId)).not.toContain(ids[0]);
    expect((await audits('panel.member_added', callId)).map((e) => (e.after as { userId: string }).userId)).toEqual(
      ids,
    );
    expect(await audits('panel.settings_changed', callId)).toEqual([
      expect.objectContaining({ before: null, after: { perDossier: 3, dueAt } }),
    ]);

    // Automatic assignment without a number: the panel's k. Exactly the three members on every dossier.
    await admin.agent.post(`/api/v1/calls/${callId}/assignments`).send({}).expect(200);
    const assigned = await assignmentsOf(callId);
    for (const dossier of dossiers) {
      expect(
        assigned
          .filter((a) => a.dossierId === dossier.id)
          .map((a) => a.reviewerId)
          .sort(),
      ).toEqual([...ids].sort());
    }
    expect(assigned.some((a) => a.reviewerId === outsider)).toBe(false);
    // Someone outside the panel is refused by hand too.
    const byHand = await admin.agent
      .post(`/api/v1/calls/${callId}/assignments`)
      .send({ dossierId: dossiers[0].id, reviewerId: outsider })
      .expect(409);
    expect(byHand.body.code).toBe('REVIEWER_NOT_IN_PANEL');

    // Dossier i gets levels around its own: means 4.5, 3.5 and 4 (the ranking's effective scores).
    const levels = [
      [5, 4, 4.5],
      [3, 4, 3.5],
      [4, 4, 4],
    ];
    for (const [r, reviewer] of team.entries()) {
      const mine = (await reviewer.agent.get('/api/v1/assignments/mine').expect(200)).body as AssignmentView[];
      expect(mine).toHaveLength(3);
      for (const assignment of mine) {
        // The list says what and whom: title, applicant with enterprise number, call and due date.
        expect(assignment.dossierTitle).toBeTruthy();
        expect(assignment.applicant.legalName).toBeTruthy();
        expect(assignment.applicant.enterpriseNumber).toMatch(/^\d{10}$/);
        expect(assignment).toMatchObject({ callId, dueAt, noConflictStatedAt: null });
        const level = levels[dossiers.findIndex((d) => d.id === assignment.dossierId)][r];
        const refused = await reviewer.agent
          .put(`/api/v1/assignments/${assignment.id}/scores`)
          .send({ scores: scoresFor(level), submit: true })
          .expect(409);
        expect(refused.body.code).toBe('CONFLICT_STATEMENT_REQUIRED');
        await stateNoConflict(reviewer, assignment.id);
        await reviewer.agent
          .put(`/api/v1/assignments/${assignment.id}/scores`)
          .send({ scores: scoresFor(level), submit: true })
          .expect(200);
      }
      const stated = await audits('review.no_conflict_stated', mine[0].dossierId);
      expect(stated.find((e) => e.actorUserId === ids[r])?.after).toMatchObject({
        assignmentId: expect.any(String),
        noConflictStatedAt: expect.any(String),
        applicant: { legalName: mine[0].applicant.legalName },
      });
    }
    const ranking = (await admin.agent.get(`/api/v1/calls/${callId}/ranking`).expect(200)).body as RankingRow[];
    expect(ranking.map((row) => row.dossierId)).toEqual([dossiers[0].id, dossiers[2].id, dossiers[1].id]);
    expect(ranking.map((row) => row.scores[CRITERIA[0].code])).toEqual([4.5, 4, 3.5]);

    // A member with open reviews cannot leave; one without can (audited), and the panel closes with the proposal.
    await admin.agent.delete(`/api/v1/calls/${callId}/panel/members/${ids[2]}`).expect(200);
    const [removed] = await audits('panel.member_removed', callId);
    expect(removed.before).toEqual({ userId: ids[2], external: false });
    await sendProposal(admin, callId);
    const closed = await admin.agent.post(`/api/v1/calls/${callId}/panel/members`).send({ userId: ids[2] }).expect(409);
    expect(closed.body.code).toBe('PANEL_CLOSED');
  });

  it('never assigns a reviewer who acts for the applicant, and refuses a member with open reviews leaving', async () => {
    const { callId, dossiers } = await callWithSubmittedDossiers(api, [40_000, 40_000], 20_000_000);
    const emails = [await createUser(api, ['reviewer']), await createUser(api, ['reviewer'])];
    const ids = await Promise.all(emails.map(userId));
    for (const id of ids)
      await admin.agent.post(`/api/v1/calls/${callId}/panel/members`).send({ userId: id }).expect(201);
    await admin.agent.put(`/api/v1/calls/${callId}/panel`).send({ perDossier: 2, dueAt: null }).expect(200);
    // The first reviewer is also a member of the first dossier's applicant.
    await api.dataSource.query(
      `INSERT INTO applicant_members (applicant_id, user_id, role) SELECT applicant_id, $2, 'member' FROM dossiers WHERE id = $1`,
      [dossiers[0].id, ids[0]],
    );
    await closeCallOnTime(api, callId);
    await admit(dossiers);
    const conflicted = await admin.agent.post(`/api/v1/calls/${callId}/assignments`).send({}).expect(409);
    expect(conflicted.body.code).toBe('PANEL_TOO_SMALL');
    const byHand = await admin.agent
      .post(`/api/v1/calls/${callId}/assignments`)
      .send({ dossierId: dossiers[0].id, reviewerId: ids[0] })
      .expect(409);
    expect(byHand.body.code).toBe('REVIEWER_CONFLICTED');

    await admin.agent.post(`/api/v1/calls/${callId}/assignments`).send({ perDossier: 1 }).expect(200);
    const assigned = await assignmentsOf(callId);
    expect(assigned.find((a) => a.dossierId === dossiers[0].id)?.reviewerId).toBe(ids[1]);
    expect(assigned.filter((a) => a.reviewerId === ids[0]).map((a) => a.dossierId)).not.toContain(dossiers[0].id);
    // The database refuses a score before the statement too, whoever writes it.
    const refused = await databaseError(
      api.dataSource.query(`INSERT INTO review_scores (assignment_id, criterion_code, score) VALUES ($1, $2, 4)`, [
        assigned[0].id,
        CRITERIA[0].code,
      ]),
    );
    expect(refused).toEqual({ code: 'PL409', message: 'CONFLICT_STATEMENT_REQUIRED' });
    const leaving = await admin.agent.delete(`/api/v1/calls/${callId}/panel/members/${ids[1]}`).expect(409);
    expect(leaving.body.code).toBe('PANEL_MEMBER_HAS_OPEN_REVIEWS');
  });

  it('an external expert invited for one call sees only that call, and loses access once the call is decided', async () => {
    const first = await callWithSubmittedDossiers(api, [50_000], 20_000_000);
    const second = await callWithSubmittedDossiers(api, [50_000], 20_000_000);
    const email = address('expert');
    const invited = await admin.agent.post(`/api/v1/calls/${first.callId}/panel/experts`).send({ email }).expect(201);
    expect(invited.body).toMatchObject({ email });
    const panel = (await admin.agent.get(`/api/v1/calls/${first.callId}/panel`).expect(200)).body as ReviewPanelView;
    expect(panel.invitations.map((i) => i.email)).toEqual([email]);
    // Not a staff invitation: the staff page does not list it.
    const staff = await admin.agent.get('/api/v1/staff').expect(200);
    expect(staff.body.invitations.map((i: { email: string }) => i.email)).not.toContain(email);

    const token = await tokenFromMail(mail.sink, email, ROUTE);
    const [invitationMail] = mail.sink.to(email);
    expect(invitationMail.text).toContain('externe expert');
    const visitor = await session(api);
    const preview = await visitor.agent.get(`/api/v1/staff-invitations/${token}`).expect(200);
    expect(preview.body).toMatchObject({ email, roles: ['reviewer'], accountExists: false });
    expect(preview.body.callTitle).toBeTruthy();
    await visitor.agent
      .post('/api/v1/staff-invitations/accept')
      .send({ token, displayName: 'Externe Expert', password: PASSWORD })
      .expect(201);
    const expert = await session(api, email, PASSWORD);
    const expertId = await userId(email);
    const members = (await admin.agent.get(`/api/v1/calls/${first.callId}/panel`).expect(200)).body as ReviewPanelView;
    expect(members.members).toEqual([expect.objectContaining({ userId: expertId, external: true })]);
    // An expert is no staff reviewer: never a candidate for another call's panel, never assigned without a panel.
    const other = (await admin.agent.get(`/api/v1/calls/${second.callId}/panel`).expect(200)).body as ReviewPanelView;
    expect(other.candidates.map((c) => c.userId)).not.toContain(expertId);
    const asStaff = await admin.agent
      .post(`/api/v1/calls/${second.callId}/panel/members`)
      .send({ userId: expertId })
      .expect(409);
    expect(asStaff.body.code).toBe('PANEL_MEMBER_NOT_REVIEWER');
    // An address with an account is not invited as an expert.
    const taken = await admin.agent.post(`/api/v1/calls/${first.callId}/panel/experts`).send({ email }).expect(409);
    expect(taken.body.code).toBe('EXPERT_ACCOUNT_EXISTS');

    await admin.agent.put(`/api/v1/calls/${first.callId}/panel`).send({ perDossier: 1, dueAt: null }).expect(200);
    for (const built of [first, second]) {
      await closeCallOnTime(api, built.callId);
      await admit(built.dossiers);
      await admin.agent.post(`/api/v1/calls/${built.callId}/assignments`).send({ perDossier: 1 }).expect(200);
    }
    expect((await assignmentsOf(second.callId)).map((a) => a.reviewerId)).not.toContain(expertId);
    const [onSecond] = await assignmentsOf(second.callId);
    const mine = (await expert.agent.get('/api/v1/assignments/mine').expect(200)).body as AssignmentView[];
    expect(mine.map((a) => a.callId)).toEqual([first.callId]);
    await expert.agent.get(`/api/v1/assignments/${onSecond.id}`).expect(404);

    const [assignment] = mine;
    const view = await expert.agent.get(`/api/v1/assignments/${assignment.id}`).expect(200);
    const [file] = view.body.content.attachments as Array<{ id: string }>;
    await expert.agent.get(`/api/v1/assignments/${assignment.id}/attachments/${file.id}`).expect(200);
    await stateNoConflict(expert, assignment.id);
    await expert.agent
      .put(`/api/v1/assignments/${assignment.id}/scores`)
      .send({ scores: scoresFor(4), submit: true })
      .expect(200);

    // While the proposal is with the minister the expert still reads; the decision ends the access.
    await sendProposal(admin, first.callId);
    await expert.agent.get(`/api/v1/assignments/${assignment.id}`).expect(200);
    await approve(minister, first.callId, `MB-2026-PANEL-${randomBytes(3).toString('hex')}`).expect(200);
    const ended = await expert.agent.get('/api/v1/assignments/mine').expect(403);
    expect(ended.body.code).toBe('EXPERT_ACCESS_ENDED');
    expect((await expert.agent.get(`/api/v1/assignments/${assignment.id}`).expect(403)).body.code).toBe(
      'EXPERT_ACCESS_ENDED',
    );
    await expert.agent.get(`/api/v1/assignments/${assignment.id}/attachments/${file.id}`).expect(404);
    const locked = await admin.agent.post(`/api/v1/calls/${first.callId}/panel/experts`).send({ email: address('x') });
    expect({ status: locked.status, code: locked.body.code }).toEqual({ status: 409, code: 'PANEL_CLOSED' });
  });

  it('a member leaving while automatic assignment runs: either they left and got nothing, or they stay with their reviews', async () => {
    for (let round = 0; round < 4; round++) {
      const { callId, dossiers } = await callWithSubmittedDossiers(api, [20_000, 20_000, 20_000], 20_000_000);
      const ids = await Promise.all([0, 1, 2].map(async () => userId(await createUser(api, ['reviewer']))));
      for (const id of ids) {
        await admin.agent.post(`/api/v1/calls/${callId}/panel/members`).send({ userId: id }).expect(201);
      }
      await admin.agent.put(`/api/v1/calls/${callId}/panel`).send({ perDossier: 2, dueAt: null }).expect(200);
      await closeCallOnTime(api, callId);
      await admit(dossiers);
      const leaving = ids[round % 3];
      const results = await race([
        {
          label: 'assign',
          session: admin,
          request: (s) => s.agent.post(`/api/v1/calls/${callId}/assignments`).send({}),
        },
        {
          label: 'leave',
          session: admin,
          request: (s) => s.agent.delete(`/api/v1/calls/${callId}/panel/members/${leaving}`),
        },
      ]);
      expect(serverErrors(results)).toEqual([]);
      const [assign, leave] = results;
      expect(assign.status).toBe(200);
      const members = ((await admin.agent.get(`/api/v1/calls/${callId}/panel`).expect(200)).body as ReviewPanelView)
        .members;
      const theirs = (await assignmentsOf(callId)).filter((a) => a.reviewerId === leaving);
      if (leave.status === 200) {
        expect(members.map((m) => m.userId)).not.toContain(leaving);
        expect(theirs).toEqual([]);
      } else {
        expect(leave.code).toBe('PANEL_MEMBER_HAS_OPEN_REVIEWS');
        expect(members.map((m) => m.userId)).toContain(leaving);
        expect(theirs.length).toBeGreaterThan(0);
      }
    }
  });

  it("refuses a deactivated reviewer's session at once, and assignment skips them", async () => {
    const { callId, dossiers } = await callWithSubmittedDossiers(api, [30_000], 20_000_000);
    const email = await createUser(api, ['reviewer']);
    const id = await userId(email);
    const reviewer = await session(api, email);
    await admin.agent.post(`/api/v1/calls/${callId}/panel/members`).send({ userId: id }).expect(201);
    await admin.agent.put(`/api/v1/calls/${callId}/panel`).send({ perDossier: 1, dueAt: null }).expect(200);
    await reviewer.agent.get('/api/v1/assignments/mine').expect(200);
    await admin.agent.post(`/api/v1/staff/${id}/deactivate`).expect(200);
    await reviewer.agent.get('/api/v1/assignments/mine').expect(401);

    await closeCallOnTime(api, callId);
    await admit(dossiers);
    const refused = await admin.agent.post(`/api/v1/calls/${callId}/assignments`).send({}).expect(409);
    expect(refused.body.code).toBe('PANEL_TOO_SMALL');
    const panel = (await admin.agent.get(`/api/v1/calls/${callId}/panel`).expect(200)).body as ReviewPanelView;
    expect(panel.members).toEqual([expect.objectContaining({ userId: id, deactivated: true })]);
  });

  it('reminds reviewers with open reviews before the due date and once it passed, each once', async () => {
    const scanner = mail.worker.get(ReminderScanner);
    const { callId, dossiers } = await callWithSubmittedDossiers(api, [30_000, 30_000], 20_000_000);
    const email = await createUser(api, ['reviewer']);
    await admin.agent
      .post(`/api/v1/calls/${callId}/panel/members`)
      .send({ userId: await userId(email) })
      .expect(201);
    const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();
    await admin.agent
      .put(`/api/v1/calls/${callId}/panel`)
      .send({ perDossier: 1, dueAt: inDays(5) })
      .expect(200);
    await closeCallOnTime(api, callId);
    await admit(dossiers);
    await admin.agent.post(`/api/v1/calls/${callId}/assignments`).send({}).expect(200);
    const rows = () =>
      api.dataSource.query<Array<{ kind: string }>>(
        `SELECT m.kind FROM review_due_reminders m JOIN review_assignments r ON r.id = m.assignment_id
           JOIN dossiers d ON d.id = r.dossier_id WHERE d.call_id = $1 ORDER BY m.kind, m.assignment_id`,
        [callId],
      );

    expect(await scanner.scanReviewDueDates()).toBe(0); // five days ahead: not yet
    await admin.agent
      .put(`/api/v1/calls/${callId}/panel`)
      .send({ perDossier: 1, dueAt: inDays(1) })
      .expect(200);
    expect(await scanner.scanReviewDueDates()).toBe(1); // one mail for both open reviews
    expect(await scanner.scanReviewDueDates()).toBe(0);
    expect(await rows()).toEqual([{ kind: 'before' }, { kind: 'before' }]);

    // The due date passes (the database clock decides): one more reminder, then none.
    await api.dataSource.query(`UPDATE review_panels SET due_at = now() - interval '1 hour' WHERE call_id = $1`, [
      callId,
    ]);
    expect(await scanner.scanReviewDueDates()).toBe(1);
    expect(await scanner.scanReviewDueDates()).toBe(0);
    expect((await rows()).map((r) => r.kind)).toEqual(['after', 'after', 'before', 'before']);

    const subjects = await waitUntil(async () => {
      const got = mail.sink
        .to(email)
        .map((m) => m.subject ?? '')
        .filter((subject) => !subject.startsWith('Nieuw dossier'));
      return got.length >= 2 ? got : null;
    });
    expect(subjects).toEqual([
      expect.stringMatching(/^Herinnering: beoordelingen tegen /),
      expect.stringMatching(/^Beoordelingen te laat: /),
    ]);
    expect(mail.sink.to(email).find((m) => m.subject?.startsWith('Beoordelingen te laat'))?.text).toContain(
      'nog 2 voor u open',
    );
  });
});
