import type { Page } from 'playwright-core';
import { AuditEventEntity, UserEntity } from '@portal/server';
import { expectAccessible } from '../support/axe';
import { screenshotPath, useBrowserApp } from '../support/browser';
import { createUser } from '../support/factories';
import { DEMO_PASSWORD } from '../support/test-app';
import { totpCode } from '../support/totp';

async function submitPassword(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}

/** Enrols on the profile page as a person with a phone would: the test "scans" by reading the key shown. */
async function enrolOnProfile(page: Page, shot: string): Promise<{ secret: string; codes: string[] }> {
  await page.getByTestId('second-factor-start').click();
  const shown = await page.getByTestId('second-factor-secret').textContent();
  const secret = (shown ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(await page.getByTestId('second-factor-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  await page.screenshot({ path: screenshotPath(`${shot}-scan`), fullPage: true });
  await expectAccessible(page, 'the second-factor enrolment');
  await page.getByTestId('second-factor-code').fill(totpCode(secret));
  await page.getByTestId('second-factor-confirm').click();
  await page.getByTestId('recovery-codes').waitFor();
  const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
  await page.screenshot({ path: screenshotPath(`${shot}-recovery-codes`), fullPage: true });
  return { secret, codes };
}

describe('second factor through Chromium (real API serving the built web app)', () => {
  const app = useBrowserApp({ seed: false });

  it('an admin enrols from the profile page, logs out, and logs in with a code from the app, then a recovery code, renews the codes and turns it off', async () => {
    const { api, browser, baseUrl } = app;
    const email = await createUser(api, ['admin']);
    const page = await browser.newPage();
    try {
      await submitPassword(page, baseUrl, email);
      await page.getByTestId('role-home').waitFor();
      await page.getByTestId('nav-profile').click();
      await page.getByTestId('second-factor-start').waitFor();
      const { secret, codes } = await enrolOnProfile(page, 'second-factor-profile');
      expect(codes).toHaveLength(10);
      expect(await page.getByTestId('recovery-codes-download').getAttribute('download')).toBe(
        'herstelcodes-subsidieportaal.txt',
      );
      await page.getByTestId('recovery-codes-done').click();
      await page.getByTestId('second-factor-on').waitFor();
      expect(await page.getByTestId('second-factor-on').textContent()).toContain('10 ongebruikte herstelcodes');
      // The key is not shown again.
      expect(await page.getByTestId('second-factor-secret').count()).toBe(0);
      await page.getByTestId('second-factor').screenshot({ path: screenshotPath('second-factor-profile-on') });

      await page.getByTestId('logout').click();
      await page.waitForURL((url) => url.pathname === '/login' || url.pathname === '/');
      await submitPassword(page, baseUrl, email);
      const code = page.getByTestId('login-code');
      await code.waitFor();
      expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
      expect(await code.getAttribute('inputmode')).toBe('numeric');
      await expectAccessible(page, 'the login code step');
      await code.fill('000000' === totpCode(secret, 1) ? '111111' : '000000');
      await page.getByTestId('login-code-submit').click();
      await page.getByTestId('login-code-error').waitFor();
      await page.screenshot({ path: screenshotPath('second-factor-login-code'), fullPage: true });
      await code.fill(totpCode(secret, 1));
      await page.getByTestId('login-code-submit').click();
      await page.getByTestId('role-home').waitFor();

      await page.getByTestId('logout').click();
      await page.waitForURL((url) => url.pathname === '/login' || url.pathname === '/');
      await submitPassword(page, baseUrl, email);
      await page.getByTestId('login-code-recovery').click();
      expect(await page.getByTestId('login-code').getAttribute('autocomplete')).toBe('off');
      await page.getByTestId('login-code').fill(codes[0]);
      await page.screenshot({ path: screenshotPath('second-factor-login-recovery'), fullPage: true });
      await page.getByTestId('login-code-submit').click();
      await page.getByTestId('role-home').waitFor();

      // New recovery codes, then off, both confirmed with the password.
      await page.getByTestId('nav-profile').click();
      await page.getByTestId('recovery-codes-renew-password').fill(DEMO_PASSWORD);
      await page.getByTestId('recovery-codes-renew-submit').click();
      await page.getByTestId('recovery-codes').waitFor();
      const renewed = await page.getByTestId('recovery-codes').locator('li').allTextContents();
      expect(renewed).not.toContain(codes[1]);
      await page.getByTestId('recovery-codes-done').click();
      await page.getByTestId('second-factor-disable-password').fill('niet mijn wachtwoord');
      await page.getByTestId('second-factor-disable-submit').click();
      await page.getByTestId('second-factor-disable-error').waitFor();
      await page.getByTestId('second-factor-disable-password').fill(DEMO_PASSWORD);
      await page.getByTestId('second-factor-disable-submit').click();
      await page.getByTestId('second-factor-start').waitFor();

      const user = await api.dataSource.getRepository(UserEntity).findOneByOrFail({ email });
      const logins = await api.dataSource
        .getRepository(AuditEventEntity)
        .findBy({ actorUserId: user.id, action: 'auth.login' });
      expect(logins.map((event) => (event.after as { secondFactor?: string }).secondFactor).sort()).toEqual([
        'recovery_code',
        'totp',
        undefined,
      ]);
    } finally {
      await page.close();
    }
  });
});

describe('second factor required for admins (TOTP_REQUIRED_FOR_ROLES=admin)', () => {
  const app = useBrowserApp({ seed: false, overrides: { TOTP_REQUIRED_FOR_ROLES: 'admin' } });

  it('an admin without one lands on the profile page and can do nothing else until it is set up', async () => {
    const { api, browser, baseUrl } = app;
    const email = await createUser(api, ['admin']);
    const page = await browser.newPage();
    try {
      await submitPassword(page, baseUrl, email);
      await page.getByTestId('second-factor-required').waitFor();
      expect(new URL(page.url()).pathname).toBe('/profiel');
      await page.screenshot({ path: screenshotPath('second-factor-required'), fullPage: true });
      // Another page of the app sends the person back here.
      await page.goto(`${baseUrl}/administratie/medewerkers`);
      await page.getByTestId('second-factor-required').waitFor();

      await enrolOnProfile(page, 'second-factor-required');
      await page.getByTestId('recovery-codes-done').click();
      await page.getByTestId('second-factor-mandatory').waitFor();
      await page.goto(`${baseUrl}/administratie/medewerkers`);
      await page.locator(`[data-testid="staff-row"][data-email="${email}"]`).waitFor();
    } finally {
      await page.close();
    }
  });
});
