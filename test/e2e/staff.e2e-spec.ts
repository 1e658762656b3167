import { AuditEventEntity, NotificationEntity, StaffInvitationEntity, UserEntity } from '@portal/server';
import { randomBytes, randomUUID } from 'node:crypto';
import { ArrayContains, IsNull } from 'typeorm';
import {
  applicantWithOrganisation,
  closeCallOnTime,
  completeDossier,
  createCall,
  createUser,
} from '../support/factories';
import { startMailWorker, tokenFromMail, type MailWorker } from '../support/mail-worker';
import { DEMO_PASSWORD, session, startApi, type Session, type TestApi } from '../support/test-app';

const PASSWORD = 'een lange zin als wachtwoord voor de beoordelaar';
const ROUTE = '/medewerker-uitnodiging/';

function address(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@test.subsidieportaal.be`;
}

describe('staff administration: invitations, roles, deactivation, the last admin', () => {
  let api: TestApi;
  let mail: MailWorker;
  let admin: Session;
  let adminId: string;

  const users = () => api.dataSource.getRepository(UserEntity);
  const userId = async (email: string) => (await users().findOneByOrFail({ email })).id;
  const activeAdmins = () => users().countBy({ roles: ArrayContains(['admin']), deactivatedAt: IsNull() });
  const audits = (action: string, entityId: string) =>
    api.dataSource.getRepository(AuditEventEntity).findBy({ action, entityId });

  beforeAll(async () => {
    api = await startApi({ seed: false });
    mail = await startMailWorker(api);
    const email = await createUser(api, ['admin']);
    adminId = await userId(email);
    admin = await session(api, email);
  });

  afterAll(async () => {
    await mail?.close();
    await api?.close();
  });

  it('an admin invites three reviewers by mail; they accept through the link and appear with their roles', async () => {
    const emails = [address('beoordelaar-a'), address('beoordelaar-b'), address('beoordelaar-c')];
    for (const email of emails) {
      const invited = await admin.agent
        .post('/api/v1/staff/invitations')
        .send({ email: email.toUpperCase(), roles: ['reviewer'] })
        .expect(201);
      expect(invited.body).toMatchObject({ email, roles: ['reviewer'], acceptedAt: null });
    }
    const open = await admin.agent.get('/api/v1/staff').expect(200);
    expect(open.body.invitations.map((i: { email: string }) => i.email)).toEqual(expect.arrayContaining(emails));

    for (const [index, email] of emails.entries()) {
      const token = await tokenFromMail(mail.sink, email, ROUTE);
      const visitor = await session(api);
      const preview = await visitor.agent.get(`/api/v1/staff-invitations/${token}`).expect(200);
      expect(preview.body).toMatchObject({ email, roles: ['reviewer'], accountExists: false });
      // The password policy applies.
      const weak = await visitor.agent
        .post('/api/v1/staff-invitations/accept')
        .send({ token, displayName: `Beoordelaar ${index}`, password: 'kort' })
        .expect(400);
      expect(weak.body.code).toBe('WEAK_PASSWORD');
      await visitor.agent
        .post('/api/v1/staff-invitations/accept')
        .send({ token, displayName: `Beoordelaar ${index}`, password: PASSWORD })
        .expect(201);
      // Single use.
      const again = await visitor.agent
        .post('/api/v1/staff-invitations/accept')
        .send({ token, displayName: 'Iemand anders', password: PASSWORD })
        .expect(410);
      expect(again.body.code).toBe('STAFF_INVITATION_INVALID');
      await visitor.agent.get(`/api/v1/staff-invitations/${token}`).expect(410);
      const reviewer = await session(api, email, PASSWORD);
      const me = await reviewer.agent.get('/api/v1/auth/me').expect(200);
      expect(me.body.user.roles).toEqual(['reviewer']);
    }

    const list = await admin.agent.get('/api/v1/staff').expect(200);
    for (const email of emails) {
      expect(list.body.members).toContainEqual(
        expect.objectContaining({ email, roles: ['reviewer'], deactivatedAt: null }),
      );
      expect(list.body.invitations.map((i: { email: string }) => i.email)).not.toContain(email);
    }
    // The link is gone from the outbox once the mail was sent.
    const sent = await api.dataSource
      .getRepository(NotificationEntity)
      .findOneByOrFail({ template: 'staff.invitation', recipient: emails[0] });
    expect(sent.payload).not.toHaveProperty('acceptUrl');
    const stored = await api.dataSource.getRepository(StaffInvitationEntity).findOneByOrFail({ email: emails[0] });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an admin withdraws an open invitation: its link stops at once, a second withdrawal or a late accept is refused', async () => {
    const email = address('ingetrokken');
    const invited = await admin.agent
      .post('/api/v1/staff/invitations')
      .send({ email, roles: ['reviewer'] })
      .expect(201);
    const token = await tokenFromMail(mail.sink, email, ROUTE);
    const visitor = await session(api);
    await visitor.agent.get(`/api/v1/staff-invitations/${token}`).expect(200);

    // Two admins withdraw at once: one acts, the other hears that nothing is left to withdraw.
    const answers = await Promise.all([
      admin.agent.post(`/api/v1/staff/invitations/${invited.body.id}/withdraw`),
      admin.agent.post(`/api/v1/staff/invitations/${invited.body.id}/withdraw`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([204, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('STAFF_INVITATION_NOT_OPEN');

    await visitor.agent.get(`/api/v1/staff-invitations/${token}`).expect(410);
    const late = await visitor.agent
      .post('/api/v1/staff-invitations/accept')
      .send({ token, displayName: 'Te laat', password: PASSWORD })
      .expect(410);
    expect(late.body.code).toBe('STAFF_INVITATION_INVALID');
    expect(await users().countBy({ email })).toBe(0);
    const open = await admin.agent.get('/api/v1/staff').expect(200);
    expect(open.body.invitations.map((i: { email: string }) => i.email)).not.toContain(email);

    const [event] = await api.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ action: 'staff.invitation_withdrawn', actorUserId: adminId });
    const stored = await api.dataSource.getRepository(StaffInvitationEntity).findOneByOrFail({ id: invited.body.id });
    expect(event.after).toEqual({
      invitationId: invited.body.id,
      email,
      roles: ['reviewer'],
      callId: null,
      expiresAt: stored.expiresAt.toISOString(),
    });
    await admin.agent.post(`/api/v1/staff/invitations/${randomUUID()}/withdraw`).expect(409);

    // A withdrawal racing the acceptance: one of them wins, never both.
    for (let round = 0; round < 3; round++) {
      const racer = address(`race-${round}`);
      const open = await admin.agent.post('/api/v1/staff/invitations').send({ email: racer, roles: ['reviewer'] });
      const raceToken = await tokenFromMail(mail.sink, racer, ROUTE);
      const [withdrawn, accepted] = await Promise.all([
        admin.agent.post(`/api/v1/staff/invitations/${open.body.id}/withdraw`),
        visitor.agent
          .post('/api/v1/staff-invitations/accept')
          .send({ token: raceToken, displayName: 'Snelle Beoordelaar', password: PASSWORD }),
      ]);
      const accounts = await users().countBy({ email: racer });
      expect([withdrawn.status, accepted.status, accounts]).toEqual(
        withdrawn.status === 204 ? [204, 410, 0] : [409, 201, 1],
      );
    }
  });

  it('an existing account gets the roles added after logging in with the invited address, not with another', async () => {
    const email = await createUser(api, ['applicant']);
    await admin.agent
      .post('/api/v1/staff/invitations')
      .send({ email, roles: ['minister'] })
      .expect(201);
    const token = await tokenFromMail(mail.sink, email, ROUTE);
    const visitor = await session(api);
    expect((await visitor.agent.get(`/api/v1/staff-invitations/${token}`).expect(200)).body.accountExists).toBe(true);
    const taken = await visitor.agent
      .post('/api/v1/staff-invitations/accept')
      .send({ token, displayName: 'Kabinet', password: PASSWORD })
      .expect(409);
    expect(taken.body.code).toBe('STAFF_INVITATION_ACCOUNT_EXISTS');

    const stranger = await session(api, await createUser(api, ['applicant']));
    const other = await stranger.agent.post(`/api/v1/staff-invitations/${token}/accept`).expect(403);
    expect(other.body.code).toBe('STAFF_INVITATION_FOR_OTHER_EMAIL');

    const invitee = await session(api, email);
    const accepted = await invitee.agent.post(`/api/v1/staff-invitations/${token}/accept`).expect(200);
    expect(accepted.body.roles).toEqual(['applicant', 'minister']);
    const [event] = await audits('staff.invitation_accepted', await userId(email));
    expect(event.before).toEqual({ roles: ['applicant'] });
    expect(event.after).toMatchObject({ roles: ['applicant', 'minister'], newAccount: false });
  });

  it('a role change and a deactivation are audited; the deactivated session is refused at once; reactivation works', async () => {
    const email = await createUser(api, ['reviewer']);
    const id = await userId(email);
    const person = await session(api, email);
    const second = await session(api, email);

    const changed = await admin.agent
      .put(`/api/v1/staff/${id}/roles`)
      .send({ roles: ['reviewer', 'minister'] })
      .expect(200);
    expect(changed.body.roles).toEqual(['reviewer', 'minister']);
    const [roleEvent] = await audits('staff.roles_changed', id);
    expect(roleEvent).toMatchObject({
      actorUserId: adminId,
      before: { roles: ['reviewer'] },
      after: { roles: ['reviewer', 'minister'] },
    });

    await person.agent.get('/api/v1/auth/me').expect(200);
    const deactivated = await admin.agent.post(`/api/v1/staff/${id}/deactivate`).expect(200);
    expect(deactivated.body.deactivatedAt).not.toBeNull();
    await person.agent.get('/api/v1/auth/me').expect(401);
    await second.agent.get('/api/v1/auth/me').expect(401);
    const visitor = await session(api);
    const refused = await visitor.agent.post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }).expect(403);
    expect(refused.body.code).toBe('ACCOUNT_DEACTIVATED');
    // A wrong password is answered as for anyone: the state is only told to who knows the password.
    const wrong = await visitor.agent
      .post('/api/v1/auth/login')
      .send({ email, password: 'fout wachtwoord 123' })
      .expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const [deactivation] = await audits('staff.deactivated', id);
    expect(deactivation).toMatchObject({ actorUserId: adminId, before: { deactivatedAt: null } });
    expect(deactivation.after).toMatchObject({ sessionsEnded: 2 });

    await admin.agent.post(`/api/v1/staff/${id}/reactivate`).expect(200);
    const [reactivation] = await audits('staff.reactivated', id);
    expect(reactivation.after).toEqual({ deactivatedAt: null });
    await session(api, email);
  });

  it('a deactivated reviewer is never assigned a dossier', async () => {
    const call = await createCall(api);
    const owner = await applicantWithOrganisation(api);
    const { id: dossierId } = await completeDossier(api, owner, call.id);
    await owner.agent.post(`/api/v1/dossiers/${dossierId}/submit`).send({ declaration: true }).expect(200);
    await closeCallOnTime(api, call.id);
    await admin.agent
      .post(`/api/v1/dossiers/${dossierId}/admissibility`)
      .send({ decision: 'admissible', motivation: 'Voldoet aan alle voorwaarden.' })
      .expect(200);
    const reviewer = await userId(await createUser(api, ['reviewer']));
    await admin.agent.post(`/api/v1/staff/${reviewer}/deactivate`).expect(200);
    const refused = await admin.agent
      .post(`/api/v1/calls/${call.id}/assignments`)
      .send({ dossierId, reviewerId: reviewer })
      .expect(404);
    expect(refused.body.code).toBe('NOT_FOUND');
    await admin.agent.post(`/api/v1/staff/${reviewer}/reactivate`).expect(200);
    await admin.agent
      .post(`/api/v1/calls/${call.id}/assignments`)
      .send({ dossierId, reviewerId: reviewer })
      .expect(200);
  });

  it('refuses staff routes to non-admins and unknown people', async () => {
    const reviewer = await session(api, await createUser(api, ['reviewer']));
    await reviewer.agent.get('/api/v1/staff').expect(403);
    const applicant = await userId(await createUser(api, ['applicant']));
    const notStaff = await admin.agent.post(`/api/v1/staff/${applicant}/deactivate`).expect(404);
    expect(notStaff.body.code).toBe('NOT_FOUND');
    await admin.agent
      .post('/api/v1/staff/invitations')
      .send({ email: address('x'), roles: ['applicant'] })
      .expect(400);
    await admin.agent
      .post('/api/v1/staff/invitations')
      .send({ email: address('x'), roles: [] })
      .expect(400);
  });

  it('the last active admin cannot lose the admin role nor be deactivated, also when two admins race', async () => {
    // The first admin is the only one at this point.
    expect(await activeAdmins()).toBe(1);
    const demote = await admin.agent
      .put(`/api/v1/staff/${adminId}/roles`)
      .send({ roles: ['reviewer'] })
      .expect(409);
    expect(demote.body.code).toBe('LAST_ADMIN');
    expect((await admin.agent.post(`/api/v1/staff/${adminId}/deactivate`).expect(409)).body.code).toBe('LAST_ADMIN');
    // The database holds the rule too, whatever writes: no statement may leave the portal without an active admin.
    await expect(
      api.dataSource.query(`UPDATE users SET roles = ARRAY['reviewer']::varchar[] WHERE 'admin' = ANY(roles)`),
    ).rejects.toThrow('LAST_ADMIN');
    await expect(
      api.dataSource.query(`UPDATE users SET deactivated_at = now() WHERE 'admin' = ANY(roles)`),
    ).rejects.toThrow('LAST_ADMIN');
    expect(await activeAdmins()).toBe(1);

    const second = await createUser(api, ['admin']);
    const pair = [
      { id: adminId, session: admin },
      { id: await userId(second), session: await session(api, second) },
    ];
    for (const round of [0, 1, 2, 3]) {
      const [a, b] = pair;
      const act = (actor: typeof a, target: typeof a) =>
        round % 2 === 0
          ? actor.session.agent.put(`/api/v1/staff/${target.id}/roles`).send({ roles: ['reviewer'] })
          : actor.session.agent.post(`/api/v1/staff/${target.id}/deactivate`);
      const results = await Promise.all([act(a, b), act(b, a)]);
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      // The other is refused: LAST_ADMIN, or 401/403 when the winner's change reached its session first.
      expect(statuses.filter((s) => s !== 200).every((s) => [401, 403, 409].includes(s))).toBe(true);
      expect(await activeAdmins()).toBe(1);

      // The survivor restores the other as an active admin, with a fresh session, for the next round.
      const survivor = pair[statuses[0] === 200 ? 0 : 1];
      const loser = pair[statuses[0] === 200 ? 1 : 0];
      await survivor.session.agent.post(`/api/v1/staff/${loser.id}/reactivate`).expect(200);
      await survivor.session.agent
        .put(`/api/v1/staff/${loser.id}/roles`)
        .send({ roles: ['admin'] })
        .expect(200);
      const loserEmail = (await users().findOneByOrFail({ id: loser.id })).email;
      loser.session = await session(api, loserEmail);
      expect(await activeAdmins()).toBe(2);
    }
  });
});
