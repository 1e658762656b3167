import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { AuditEventEntity, NotificationEntity, UserEntity } from '@portal/server';
import { expectAccessible } from '../support/axe';
import { closeBrowserApp, logInAs, screenshotPath, startBrowserApp } from '../support/browser';
import { DEMO, type TestApi } from '../support/test-app';

describe('staff administration through Chromium (real API serving the built web app)', () => {
  let api: TestApi;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ api, browser, baseUrl } = await startBrowserApp());
  });

  afterAll(() => closeBrowserApp({ api, browser }));

  it('an admin invites a reviewer from the staff page; the reviewer creates an account from the link', async () => {
    const invitee = `beoordelaar-${randomBytes(4).toString('hex')}@test.subsidieportaal.be`;
    const adminPage = await browser.newPage();
    const guestContext = await browser.newContext();
    try {
      await logInAs(adminPage, baseUrl, DEMO.admin);
      await adminPage.getByTestId('nav-admin-staff').click();
      await adminPage.waitForURL((url) => url.pathname === '/administratie/medewerkers');
      await adminPage.locator(`[data-testid="staff-row"][data-email="${DEMO.admin}"]`).waitFor();
      await expectAccessible(adminPage, 'the staff page');

      await adminPage.getByTestId('staff-invite-email').fill(invitee);
      // Reviewer is checked by default.
      expect(await adminPage.getByTestId('staff-invite-role-reviewer').isChecked()).toBe(true);
      await adminPage.getByTestId('staff-invite-submit').click();
      await adminPage.getByTestId('staff-invite-success').waitFor();
      await adminPage.locator(`[data-testid="staff-invitation-row"][data-email="${invitee}"]`).waitFor();
      await expectAccessible(adminPage, 'the staff page after an invitation');

      const notification = await api.dataSource
        .getRepository(NotificationEntity)
        .findOneByOrFail({ template: 'staff.invitation', recipient: invitee });
      const path = new URL(String(notification.payload.acceptUrl)).pathname;
      expect(path).toMatch(/^\/medewerker-uitnodiging\/[A-Za-z0-9_-]{20,100}$/);

      const guest = await guestContext.newPage();
      await guest.goto(`${baseUrl}${path}`);
      await guest.getByTestId('staff-account-name').waitFor();
      await expectAccessible(guest, 'a staff invitation opened without an account');
      await guest.getByTestId('staff-account-name').fill('Bea Beoordelaar');
      await guest.getByTestId('staff-account-password').fill('een zin als wachtwoord voor bea');
      await guest.getByTestId('staff-account-password-confirm').fill('een zin als wachtwoord voor bea');
      await guest.getByTestId('staff-account-submit').click();
      await guest.getByTestId('staff-account-created').waitFor();
      const user = await api.dataSource.getRepository(UserEntity).findOneByOrFail({ email: invitee });
      expect(user.roles).toEqual(['reviewer']);

      // The admin sees the new reviewer and deactivates the account; the act is audited.
      await adminPage.reload();
      const row = adminPage.locator(`[data-testid="staff-row"][data-email="${invitee}"]`);
      await row.waitFor();
      await row.getByTestId('staff-deactivate').click();
      await row.getByTestId('staff-reactivate').waitFor();
      const events = await api.dataSource
        .getRepository(AuditEventEntity)
        .countBy({ action: 'staff.deactivated', entityId: user.id });
      expect(events).toBe(1);

      // A mistyped address: the admin withdraws that invitation and the row disappears; the link no longer works.
      const typo = `beoordelaar-${randomBytes(4).toString('hex')}@tets.subsidieportaal.be`;
      await adminPage.getByTestId('staff-invite-email').fill(typo);
      await adminPage.getByTestId('staff-invite-submit').click();
      const typoRow = adminPage.locator(`[data-testid="staff-invitation-row"][data-email="${typo}"]`);
      await typoRow.waitFor();
      await typoRow.getByTestId('staff-invitation-withdraw').click();
      await typoRow.waitFor({ state: 'detached' });
      expect(
        await api.dataSource.getRepository(AuditEventEntity).countBy({ action: 'staff.invitation_withdrawn' }),
      ).toBe(1);
      await adminPage.screenshot({ path: screenshotPath('staff-invitation-withdrawn'), fullPage: true });
    } finally {
      await guestContext.close();
      await adminPage.close();
    }
  });
});
