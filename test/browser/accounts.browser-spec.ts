import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ApplicantMemberEntity, InvitationEntity, NotificationEntity, UserEntity } from '@portal/server';
import { expectAccessible } from '../support/axe';
import { logInAs, useBrowserApp } from '../support/browser';
import { DEMO } from '../support/test-app';

const ORGANISATION = 'vzw De Brug';

/** The card of that organisation (by its heading: another card may mention the name, e.g. as a partner). */
function organisationCard(page: Page) {
  return page
    .getByTestId('applicant-card')
    .filter({ has: page.getByRole('heading', { name: ORGANISATION, exact: true }) });
}

/** The wall clock the web app shows (nl-BE, Europe/Brussels, 24-hour), computed independently of the app's code. */
function brussels(moment: Date, seconds = false): string {
  return new Intl.DateTimeFormat('nl-BE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    timeZone: 'Europe/Brussels',
  }).format(moment);
}

describe('accounts, invitations and the notification log through Chromium (real API serving the built web app)', () => {
  const app = useBrowserApp();

  const logIn = (page: Page, email: string) => logInAs(page, app.baseUrl, email);

  it('an admin of the organisation invites a colleague, who creates an account from the link and accepts', async () => {
    const invitee = `collega-${randomBytes(4).toString('hex')}@test.subsidieportaal.be`;
    const inviterPage = await app.browser.newPage();
    const guestContext = await app.browser.newContext();
    try {
      // 1. The demo applicant (admin of vzw De Brug) sees the members and invites the address.
      await logIn(inviterPage, DEMO.applicant);
      const card = organisationCard(inviterPage);
      const ownRow = card.locator(`[data-testid="member-row"][data-email="${DEMO.applicant}"]`);
      await ownRow.waitFor();
      expect(await ownRow.getAttribute('data-role')).toBe('admin');
      expect(await ownRow.textContent()).toContain('Beheerder');
      await expectAccessible(inviterPage, 'the applicant home with the members of an organisation');

      await card.getByTestId('invite-email').fill('geen-adres');
      await card.getByTestId('invite-submit').click();
      await card.locator('[data-testid="invite-email"][aria-invalid="true"]').waitFor();
      await expectAccessible(inviterPage, 'the invitation form with an error');
      await card.getByTestId('invite-email').fill(invitee);
      await card.getByTestId('invite-submit').click();
      const sent = card.getByTestId('invite-success');
      await sent.waitFor();
      const invitation = await app.api.dataSource.getRepository(InvitationEntity).findOneByOrFail({ email: invitee });
      expect(await sent.textContent()).toBe(
        `Uitnodiging verstuurd naar ${invitee}. Ze is geldig tot ${brussels(invitation.expiresAt)} (Brusselse tijd).`,
      );

      // 2. The link from the mail (the outbox row holds what the worker will send).
      const notification = await app.api.dataSource
        .getRepository(NotificationEntity)
        .findOneByOrFail({ template: 'applicant.invitation', recipient: invitee });
      const acceptUrl = new URL(String(notification.payload.acceptUrl));
      expect(acceptUrl.pathname).toMatch(/^\/uitnodiging\/[A-Za-z0-9_-]{20,100}$/);
      const invitationPath = acceptUrl.pathname;

      // 3. Someone without an account opens it in a fresh browser context.
      const guest = await guestContext.newPage();
      await guest.goto(`${app.baseUrl}${invitationPath}`);
      await guest.getByTestId('invitation-register').waitFor();
      await expectAccessible(guest, 'an invitation opened without an account');
      await guest.getByTestId('invitation-register').click();
      await guest.waitForURL((url) => url.pathname === '/registreren');
      expect(new URL(guest.url()).searchParams.get('terug')).toBe(invitationPath);
      await guest.getByTestId('register-display-name').waitFor();
      await expectAccessible(guest, 'the account creation page');

      await guest.getByTestId('register-display-name').fill('Chris Collega');
      // The password rule shows while typing, before the server is asked.
      const length = guest.getByTestId('register-password-length');
      await guest.getByTestId('register-password').fill('kort');
      await length.filter({ hasText: /^4 tekens: nog 8 tekens nodig\.$/ }).waitFor();
      await guest.getByTestId('register-password').blur();
      await guest.getByText('Kies een wachtwoord van minstens 12 tekens.').waitFor();
      await guest.getByTestId('register-password').fill('een zin als wachtwoord');
      await length.filter({ hasText: /^✓ Je wachtwoord is lang genoeg\.$/ }).waitFor();
      await guest.locator('[data-testid="register-password"]:not([aria-invalid])').waitFor();
      await guest.getByTestId('register-password-confirm').fill('een zin als wachtwoor');
      await guest.getByTestId('register-password-confirm').blur();
      await guest.getByText('De twee wachtwoorden zijn niet gelijk.').waitFor();
      await guest.getByTestId('register-password-confirm').fill('een zin als wachtwoord');
      await guest.locator('[data-testid="register-password-confirm"]:not([aria-invalid])').waitFor();

      // An address that already has an account: the server's EMAIL_TAKEN lands on the e-mail field.
      await guest.getByTestId('register-email').fill(DEMO.applicant);
      await guest.getByTestId('register-submit').click();
      await guest.getByTestId('register-account-error').waitFor();
      expect(await guest.getByTestId('register-account-error').textContent()).toContain(
        'Er bestaat al een account met dit e-mailadres.',
      );
      await guest.locator('[data-testid="register-email"][aria-invalid="true"]').waitFor();
      await expectAccessible(guest, 'the account creation page with a server error');

      await guest.getByTestId('register-email').fill(invitee);
      await guest.getByTestId('register-submit').click();
      // Logged in and back on the invitation.
      await guest.waitForURL((url) => url.pathname === invitationPath);
      expect(await guest.getByTestId('user-display-name').textContent()).toBe('Chris Collega');
      const user = await app.api.dataSource.getRepository(UserEntity).findOneByOrFail({ email: invitee });
      expect(user.roles).toEqual(['applicant']);
      expect(user.locale).toBe('nl');

      await guest.getByTestId('accept-invitation').click();
      const accepted = guest.getByTestId('invitation-accepted');
      await accepted.waitFor();
      expect(await accepted.textContent()).toContain(`Je werkt nu mee voor ${ORGANISATION}.`);
      await expectAccessible(guest, 'an accepted invitation');
      const membership = await app.api.dataSource
        .getRepository(ApplicantMemberEntity)
        .findOneByOrFail({ applicantId: invitation.applicantId, userId: user.id });
      expect(membership.role).toBe('member');

      // 4. The organisation is now on the colleague's "Mijn dossiers", with both people; no invite form for a member.
      await guest.getByTestId('invitation-to-home').click();
      await guest.waitForURL((url) => url.pathname === '/aanvrager');
      const guestCard = organisationCard(guest);
      const guestRow = guestCard.locator(`[data-testid="member-row"][data-email="${invitee}"]`);
      await guestRow.waitFor();
      expect(await guestRow.getAttribute('data-role')).toBe('member');
      expect(await guestRow.textContent()).toContain('Chris Collega');
      expect(await guestCard.locator(`[data-testid="member-row"][data-email="${DEMO.applicant}"]`).count()).toBe(1);
      expect(await guestCard.getByTestId('invite-email').count()).toBe(0);

      // 5. The link is single use: opening it again explains that it is no longer valid.
      await guest.goto(`${app.baseUrl}${invitationPath}`);
      await guest.getByTestId('accept-invitation').click();
      const invalid = guest.getByTestId('invitation-error');
      await invalid.waitFor();
      expect(await invalid.textContent()).toContain('Deze uitnodiging is verlopen, al gebruikt of bestaat niet.');
      expect(await guest.getByTestId('accept-invitation').count()).toBe(0);

      // The inviter sees the new colleague too.
      await inviterPage.reload();
      await organisationCard(inviterPage).locator(`[data-testid="member-row"][data-email="${invitee}"]`).waitFor();
    } finally {
      await inviterPage.close();
      await guestContext.close();
    }
  });

  /** Submits the filter form and waits until the table shows the server's answer for the new query. */
  async function submitFilter(page: Page, expected: (query: URLSearchParams) => boolean): Promise<void> {
    const answered = page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/api/v1/notifications' && expected(url.searchParams);
    });
    await page.getByTestId('notification-filter-submit').click();
    await answered;
    await page.waitForURL((url) => expected(url.searchParams));
    await page.locator('[data-testid="notification-table"]:not([aria-busy])').waitFor();
  }

  it('an admin filters the notification log on failed mails and sends one again', async () => {
    const repository = app.api.dataSource.getRepository(NotificationEntity);
    const recipient = `mislukt-${randomBytes(4).toString('hex')}@test.subsidieportaal.be`;
    const reference = `TEST-${randomBytes(3).toString('hex').toUpperCase()}`;
    const failed = await repository.save(
      repository.create({
        template: 'dossier.submitted',
        recipient,
        locale: 'nl',
        payload: { reference },
        subjectRef: reference,
        status: 'failed',
        attempts: 5,
        lastError: 'test',
      }),
    );
    const stored = await repository.findOneByOrFail({ id: failed.id });

    const page = await app.browser.newPage();
    try {
      await logIn(page, DEMO.admin);
      await page.getByTestId('link-notifications').click();
      await page.waitForURL((url) => url.pathname === '/administratie/meldingen');
      expect(await page.getByTestId('queue-dashboard-link').getAttribute('href')).toBe('/api/admin/queues');
      await page.getByTestId('notification-table').waitFor();
      await expectAccessible(page, 'the notification log');

      await page.getByTestId('notification-filter-status').selectOption('failed');
      await submitFilter(page, (query) => query.get('status') === 'failed');
      const row = page.locator(`[data-testid="notification-row"][data-notification-id="${failed.id}"]`);
      await row.waitFor();
      const statuses = await page
        .getByTestId('notification-row')
        .evaluateAll((rows) => rows.map((element) => element.getAttribute('data-status')));
      expect(new Set(statuses)).toEqual(new Set(['failed']));
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(brussels(stored.createdAt, true));
      expect(text).toContain('Bevestiging van indiening');
      expect(text).toContain(recipient);
      expect(text).toContain(reference);
      expect(text).toContain('Mislukt');
      expect(await row.locator('.notification-log__error').textContent()).toBe('test');

      await page.getByTestId(`notification-resend-${failed.id}`).click();
      await page.getByTestId('notification-resent').waitFor();
      await expectAccessible(page, 'the notification log after a resend');
      await page
        .locator(
          `[data-testid="notification-row"][data-notification-id="${failed.id}"]:is([data-status="pending"], [data-status="queued"])`,
        )
        .waitFor();
      expect(await page.getByTestId(`notification-resend-${failed.id}`).count()).toBe(0);
      const after = await repository.findOneByOrFail({ id: failed.id });
      expect(['pending', 'queued']).toContain(after.status);
      expect(after.attempts).toBe(0);
      expect(after.dispatchCount).toBe(stored.dispatchCount + 1);

      // Filtering on the recipient (URL query) finds it again with its new status, from the server.
      await page.getByTestId('notification-filter-status').selectOption('');
      await page.getByTestId('notification-filter-recipient').fill(recipient);
      await submitFilter(page, (query) => query.get('recipient') === recipient && !query.has('status'));
      await page
        .locator(
          `[data-testid="notification-row"][data-notification-id="${failed.id}"]:is([data-status="pending"], [data-status="queued"])`,
        )
        .waitFor();
      expect(await page.getByTestId('notification-row').count()).toBe(1);
      expect(await page.getByTestId('notification-total').textContent()).toBe('1 melding · pagina 1 van 1');
    } finally {
      await page.close();
    }
  });
});
