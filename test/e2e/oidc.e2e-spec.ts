import { CSRF_HEADER, SSO_VERIFICATION_MOTIVATION } from '@portal/contracts';
import {
  ApplicantEntity,
  ApplicantMemberEntity,
  AuditEventEntity,
  UserEntity,
  UserIdentityEntity,
} from '@portal/server';
import { randomBytes } from 'node:crypto';
import { IsNull } from 'typeorm';
import { applicantWithOrganisation, createUser, organisationInput } from '../support/factories';
import { freePort, startApiWithOidc, type LocalOidcProvider, type OidcIdentity } from '../support/oidc-provider';
import { RedirectWalker } from '../support/redirect-walker';
import { DEMO_PASSWORD, startApi, type TestApi } from '../support/test-app';

const person = (prefix: string, extra: Partial<OidcIdentity> = {}): OidcIdentity => {
  const id = randomBytes(4).toString('hex');
  return { sub: `${prefix}-${id}`, name: `Persoon ${id}`, email: `${prefix}-${id}@idp.test.be`, ...extra };
};

describe('single sign-on through a real local OpenID provider', () => {
  let api: TestApi;
  let provider: LocalOidcProvider;
  let baseUrl: string;
  let identities: OidcIdentity[] = [];

  const users = () => api.dataSource.getRepository(UserEntity);
  const audits = (action: string) => api.dataSource.getRepository(AuditEventEntity).findBy({ action });

  /** Registers the identity at the provider (from the next sign-in on). */
  const offer = (...people: OidcIdentity[]) => {
    identities = [...identities.filter((i) => !people.some((p) => p.sub === i.sub)), ...people];
    provider.setIdentities(identities);
  };

  /** Walks the whole sign-in as a browser does; returns where the portal sent the browser at the end. */
  async function signIn(walker: RedirectWalker, sub: string, returnTo = '/aanvrager'): Promise<URL> {
    const start = `${baseUrl}/api/v1/auth/oidc/login?terug=${encodeURIComponent(returnTo)}`;
    const atLogin = await walker.follow(start);
    expect(atLogin.response.status).toBe(200);
    expect(atLogin.url.startsWith(provider.issuer)).toBe(true);
    const uid = new URL(atLogin.url).pathname.split('/')[2];
    const back = await walker.follow(`${provider.issuer}/interaction/${uid}/login`, {
      method: 'POST',
      form: { sub },
      stopAt: (next) => next.origin === baseUrl && !next.pathname.startsWith('/api/'),
    });
    if (back.response.status !== 302) throw new Error(`${back.response.status} ${await back.response.text()}`);
    return new URL(back.url);
  }

  /** The portal session the walker holds, through the API. */
  async function me(walker: RedirectWalker) {
    const response = await walker.fetch(`${baseUrl}/api/v1/auth/me`);
    return { status: response.status, body: (await response.json()) as { user: { email: string; roles: string[] } } };
  }

  beforeAll(async () => {
    ({ api, provider, baseUrl } = await startApiWithOidc({
      identities: [],
      seed: false,
      overrides: { OIDC_REQUIRED_FOR_ROLES: 'admin,minister', LOG_LEVEL: 'error' },
    }));
  });

  afterAll(async () => {
    await api?.close();
    await provider?.close();
  });

  it('says SSO is enabled', async () => {
    const status = await api.http.get('/api/v1/auth/oidc/status').expect(200);
    expect(status.body).toEqual({ enabled: true, loginPath: '/api/v1/auth/oidc/login' });
  });

  it('signs a coordinator in, links the organisations they represent and verifies them', async () => {
    const withAdmin = await applicantWithOrganisation(api);
    const withoutAdmin = await applicantWithOrganisation(api);
    await api.dataSource.getRepository(ApplicantMemberEntity).delete({ applicantId: withoutAdmin.applicantId });
    const applicants = api.dataSource.getRepository(ApplicantEntity);
    const numberOf = async (id: string) => (await applicants.findOneByOrFail({ id })).enterpriseNumber!;
    const notYetRegistered = organisationInput().enterpriseNumber!;
    const coordinator = person('coordinator', {
      represents: [
        await numberOf(withAdmin.applicantId),
        await numberOf(withoutAdmin.applicantId),
        notYetRegistered,
        '123',
      ],
    });
    offer(coordinator);

    const walker = new RedirectWalker();
    const landed = await signIn(walker, coordinator.sub, '/aanvrager/dossiers');
    expect(landed.pathname + landed.search).toBe('/aanvrager/dossiers');
    const session = await me(walker);
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({
      email: coordinator.email,
      displayName: coordinator.name,
      roles: ['applicant'],
    });
    expect(walker.cookie('portal_oidc')).toBeUndefined();

    const user = await users().findOneByOrFail({ email: coordinator.email });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.passwordHash).toBeNull();
    const identity = await api.dataSource.getRepository(UserIdentityEntity).findOneByOrFail({ userId: user.id });
    expect(identity).toMatchObject({ issuer: provider.issuer, subject: coordinator.sub });
    expect(identity.represents).toContain(notYetRegistered);
    // The person's data export shows the linked identity.
    const exported = (await (await walker.fetch(`${baseUrl}/api/v1/auth/me/export`)).json()) as {
      identities: Array<{ issuer: string; subject: string }>;
    };
    expect(exported.identities).toEqual([
      expect.objectContaining({ issuer: provider.issuer, subject: coordinator.sub }),
    ]);

    const members = api.dataSource.getRepository(ApplicantMemberEntity);
    expect(await members.findOneBy({ applicantId: withAdmin.applicantId, userId: user.id })).toMatchObject({
      role: 'member',
    });
    expect(await members.findOneBy({ applicantId: withoutAdmin.applicantId, userId: user.id })).toMatchObject({
      role: 'admin',
    });
    for (const id of [withAdmin.applicantId, withoutAdmin.applicantId]) {
      expect(await applicants.findOneByOrFail({ id })).toMatchObject({
        verificationStatus: 'verified',
        verifiedBy: null,
        verificationMotivation: SSO_VERIFICATION_MOTIVATION,
      });
    }
    const login = (await audits('auth.oidc_login')).find((event) => event.actorUserId === user.id);
    expect(login?.after).toMatchObject({ subject: coordinator.sub, ignoredRepresents: ['123'] });
    expect((await audits('applicant.verified')).map((event) => event.entityId)).toEqual(
      expect.arrayContaining([withAdmin.applicantId, withoutAdmin.applicantId]),
    );

    // The organisation registers later (by a colleague); the next sign-in links and verifies it too.
    const later = await applicantWithOrganisation(api, { enterpriseNumber: notYetRegistered });
    await signIn(new RedirectWalker(), coordinator.sub);
    expect(await members.findOneBy({ applicantId: later.applicantId, userId: user.id })).toMatchObject({
      role: 'member',
    });
    expect(await applicants.findOneByOrFail({ id: later.applicantId })).toMatchObject({
      verificationStatus: 'verified',
    });
    expect(await api.dataSource.getRepository(UserIdentityEntity).countBy({ userId: user.id })).toBe(1);
  });

  it('gives staff roles from the role claim, removes them when the claim drops them, and keeps the last admin', async () => {
    const chief = person('chief', { roles: ['portal-admin', 'portal-reviewer'] });
    offer(chief);
    const walker = new RedirectWalker();
    await signIn(walker, chief.sub, '/administratie');
    expect((await me(walker)).body.user.roles).toEqual(['admin', 'reviewer']);
    const staff = await walker.fetch(`${baseUrl}/api/v1/staff`);
    expect(staff.status).toBe(200);

    // The only active admin loses the claim: the account keeps the role (the portal never runs without an admin).
    const activeAdmins = await users().find({ where: { deactivatedAt: IsNull() } });
    expect(activeAdmins.filter((u) => u.roles.includes('admin')).map((u) => u.email)).toEqual([chief.email]);
    offer({ ...chief, roles: ['portal-reviewer'] });
    await signIn(new RedirectWalker(), chief.sub);
    const kept = await users().findOneByOrFail({ email: chief.email });
    expect(kept.roles).toEqual(['admin', 'reviewer']);
    expect((await audits('auth.oidc_last_admin_kept')).some((event) => event.entityId === kept.id)).toBe(true);

    // With another admin around, the next sign-in removes the role; a role the map cannot give is never touched.
    await createUser(api, ['admin']);
    await users().update({ id: kept.id }, { roles: ['admin', 'reviewer', 'applicant'] });
    const again = new RedirectWalker();
    await signIn(again, chief.sub);
    expect((await me(again)).body.user.roles).toEqual(['applicant', 'reviewer']);
    const change = (await audits('auth.oidc_roles_changed')).find((event) => event.entityId === kept.id);
    expect(change).toMatchObject({
      before: { roles: ['admin', 'reviewer', 'applicant'] },
      after: { roles: ['applicant', 'reviewer'] },
    });
  });

  it('refuses a tampered state, a callback without its cookie, and a cancelled sign-in, on the login page', async () => {
    const someone = person('someone');
    offer(someone);
    const walker = new RedirectWalker();
    const atLogin = await walker.follow(`${baseUrl}/api/v1/auth/oidc/login`);
    const uid = new URL(atLogin.url).pathname.split('/')[2];
    const callback = await walker.follow(`${provider.issuer}/interaction/${uid}/login`, {
      method: 'POST',
      form: { sub: someone.sub },
      stopAt: (next) => next.pathname === '/api/v1/auth/oidc/callback',
    });
    const tampered = new URL(callback.url);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    const refused = await walker.fetch(tampered.href);
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toBe('/login?sso-fout=SSO_STATE_INVALID');
    expect((await me(walker)).status).toBe(401);

    // The genuine callback in another browser (without the attempt's cookie) is refused too.
    const elsewhere = await new RedirectWalker().fetch(callback.url);
    expect(elsewhere.headers.get('location')).toBe('/login?sso-fout=SSO_STATE_INVALID');
    expect(await users().countBy({ email: someone.email })).toBe(0);

    const canceller = new RedirectWalker();
    const page = await canceller.follow(`${baseUrl}/api/v1/auth/oidc/login`);
    const cancelUid = new URL(page.url).pathname.split('/')[2];
    const cancelled = await canceller.follow(`${provider.issuer}/interaction/${cancelUid}/abort`, {
      method: 'POST',
      form: {},
      stopAt: (next) => next.origin === baseUrl && !next.pathname.startsWith('/api/'),
    });
    expect(new URL(cancelled.url).search).toBe('?sso-fout=SSO_CANCELLED');
  });

  it('does not take over a local account with the same address (linking by subject only)', async () => {
    const local = await createUser(api, ['applicant']);
    const impostor = person('impostor', { email: local });
    offer(impostor);
    const landed = await signIn(new RedirectWalker(), impostor.sub);
    expect(landed.search).toBe('?sso-fout=SSO_EMAIL_IN_USE');
    expect(await api.dataSource.getRepository(UserIdentityEntity).countBy({ subject: impostor.sub })).toBe(0);
  });

  it('refuses a deactivated account on the login page', async () => {
    const leaver = person('leaver');
    offer(leaver);
    await signIn(new RedirectWalker(), leaver.sub);
    await users().update({ email: leaver.email }, { deactivatedAt: new Date() });
    const walker = new RedirectWalker();
    const landed = await signIn(walker, leaver.sub);
    expect(landed.search).toBe('?sso-fout=ACCOUNT_DEACTIVATED');
    expect((await me(walker)).status).toBe(401);
  });

  it('refuses a password login of a role that must use the identity service, with a stable code', async () => {
    const csrf = await api.http.get('/api/v1/auth/csrf');
    const cookie = csrf.headers['set-cookie'];
    const admin = await createUser(api, ['admin']);
    const refused = await api.http
      .post('/api/v1/auth/login')
      .set('Cookie', cookie)
      .set(CSRF_HEADER, csrf.body.csrfToken as string)
      .send({ email: admin, password: DEMO_PASSWORD })
      .expect(403);
    expect(refused.body.code).toBe('SSO_REQUIRED');
    expect(refused.body.detail).toContain('Aanmelden via de identiteitsdienst');
    const adminId = (await users().findOneByOrFail({ email: admin })).id;
    expect((await audits('auth.login_refused_sso_required')).map((event) => event.entityId)).toContain(adminId);
    const reviewer = await createUser(api, ['reviewer']);
    await api.http
      .post('/api/v1/auth/login')
      .set('Cookie', cookie)
      .set(CSRF_HEADER, csrf.body.csrfToken as string)
      .send({ email: reviewer, password: DEMO_PASSWORD })
      .expect(200);
    // A wrong password says nothing about the roles.
    const wrong = await api.http
      .post('/api/v1/auth/login')
      .set('Cookie', cookie)
      .set(CSRF_HEADER, csrf.body.csrfToken as string)
      .send({ email: admin, password: 'niet-het-wachtwoord' })
      .expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('single sign-on settings: linking by confirmed address, off, provider unreachable', () => {
  it('with OIDC_LINK_BY_EMAIL=true links a first sign-in to the local account with that confirmed address', async () => {
    const { api, provider, baseUrl } = await startApiWithOidc({
      identities: [],
      seed: false,
      overrides: { OIDC_LINK_BY_EMAIL: 'true' },
    });
    try {
      const confirmed = await createUser(api, ['applicant']);
      const unconfirmed = await createUser(api, ['applicant']);
      await api.dataSource.getRepository(UserEntity).update({ email: confirmed }, { emailVerifiedAt: new Date() });
      await api.dataSource.getRepository(UserEntity).update({ email: unconfirmed }, { emailVerifiedAt: null });
      provider.setIdentities([
        { sub: 'same-person', name: 'Zelfde Persoon', email: confirmed },
        { sub: 'not-confirmed-locally', name: 'Iemand', email: unconfirmed },
      ]);
      const signIn = async (walker: RedirectWalker, sub: string) => {
        const page = await walker.follow(`${baseUrl}/api/v1/auth/oidc/login`);
        const uid = new URL(page.url).pathname.split('/')[2];
        const back = await walker.follow(`${provider.issuer}/interaction/${uid}/login`, {
          method: 'POST',
          form: { sub },
          stopAt: (next) => next.origin === baseUrl && !next.pathname.startsWith('/api/'),
        });
        return new URL(back.url);
      };
      const walker = new RedirectWalker();
      expect((await signIn(walker, 'same-person')).pathname).toBe('/');
      const me = await walker.fetch(`${baseUrl}/api/v1/auth/me`);
      expect(((await me.json()) as { user: { email: string } }).user.email).toBe(confirmed);
      const linked = await api.dataSource
        .getRepository(AuditEventEntity)
        .findOneByOrFail({ action: 'auth.oidc_linked' });
      expect(linked.after).toMatchObject({ subject: 'same-person', method: 'verified_email' });
      // The local account never confirmed its address: no link, whatever the provider says.
      expect((await signIn(new RedirectWalker(), 'not-confirmed-locally')).search).toBe('?sso-fout=SSO_EMAIL_IN_USE');
    } finally {
      await api.close();
      await provider.close();
    }
  });

  it('without OIDC_ISSUER offers nothing; with an unreachable provider the login page says so', async () => {
    const off = await startApi({ seed: false });
    try {
      expect((await off.http.get('/api/v1/auth/oidc/status').expect(200)).body.enabled).toBe(false);
      const login = await off.http.get('/api/v1/auth/oidc/login').expect(302);
      expect(login.headers.location).toBe('/login?sso-fout=SSO_DISABLED');
    } finally {
      await off.close();
    }
    const down = await startApi({
      seed: false,
      overrides: {
        OIDC_ISSUER: `http://127.0.0.1:${await freePort()}`,
        OIDC_CLIENT_ID: 'portal',
        OIDC_CLIENT_SECRET: 'geheim',
      },
    });
    try {
      const login = await down.http.get('/api/v1/auth/oidc/login').expect(302);
      expect(login.headers.location).toBe('/login?sso-fout=SSO_PROVIDER_ERROR');
    } finally {
      await down.close();
    }
  });
});
