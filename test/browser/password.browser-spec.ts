import type { Page } from 'playwright-core';
import { UserEntity } from '@portal/server';
import { expectAccessible } from '../support/axe';
import { logInAs, useBrowserApp } from '../support/browser';
import { createUser } from '../support/factories';
import { startMailWorker, tokenFromMail, type MailWorker } from '../support/mail-worker';
import { DEMO_PASSWORD } from '../support/test-app';

describe('forgotten password and profile through Chromium (real API serving the built web app)', () => {
  const app = useBrowserApp();
  let mail: MailWorker;

  beforeAll(async () => {
    // The worker looks the address up and sends the link.
    mail = await startMailWorker(app.api);
  });

  afterAll(async () => {
    await mail?.close();
  });

  const logIn = (page: Page, email: string, password: string) => logInAs(page, app.baseUrl, email, password);

  it('asks for a reset link, chooses a new password from the mail link and logs in with it', async () => {
    const email = await createUser(app.api);
    const newPassword = 'een nieuwe zin als wachtwoord';
    const page = await app.browser.newPage();
    try {
      await page.goto(`${app.baseUrl}/login`);
      await page.getByTestId('login-forgot').click();
      await page.waitForURL((url) => url.pathname === '/wachtwoord-vergeten');
      await page.getByTestId('forgot-email').waitFor();
      await expectAccessible(page, 'the forgotten password page');
      await page.getByTestId('forgot-email').fill(email);
      await page.getByTestId('forgot-submit').click();
      const sent = page.getByTestId('forgot-sent');
      await sent.waitFor();
      expect((await sent.textContent())?.trim()).toBe(
        'Als er een account bestaat voor dit adres, ontvang je een e-mail met een link.',
      );
      await expectAccessible(page, 'the forgotten password page once sent');

      // The link from the mail the worker sent.
      const resetPath = `/wachtwoord/${await tokenFromMail(mail.sink, email, '/wachtwoord/')}`;

      await page.goto(`${app.baseUrl}${resetPath}`);
      // Instant feedback before the server is asked.
      const length = page.getByTestId('reset-password-length');
      await page.getByTestId('reset-password').fill('kort');
      await length.filter({ hasText: /^4 tekens: nog 8 tekens nodig\.$/ }).waitFor();
      await page.getByTestId('reset-password').blur();
      await page.getByText('Kies een wachtwoord van minstens 12 tekens.').waitFor();
      await page.getByTestId('reset-password').fill(newPassword);
      await length.filter({ hasText: /^✓ Je wachtwoord is lang genoeg\.$/ }).waitFor();
      await page.getByTestId('reset-password-confirm').fill(`${newPassword}x`);
      await page.getByTestId('reset-password-confirm').blur();
      await page.getByText('De twee wachtwoorden zijn niet gelijk.').waitFor();
      await expectAccessible(page, 'the new password page with errors');
      await page.getByTestId('reset-password-confirm').fill(newPassword);
      await page.locator('[data-testid="reset-password-confirm"]:not([aria-invalid])').waitFor();
      await page.getByTestId('reset-submit').click();
      await page.getByTestId('reset-done').waitFor();
      await expectAccessible(page, 'the new password page once done');

      // The link is single use.
      await page.goto(`${app.baseUrl}${resetPath}`);
      await page.getByTestId('reset-password').fill(newPassword);
      await page.getByTestId('reset-password-confirm').fill(newPassword);
      await page.getByTestId('reset-submit').click();
      const invalid = page.getByTestId('reset-error');
      await invalid.waitFor();
      expect(await invalid.textContent()).toContain('Vraag een nieuwe aan.');
      await expectAccessible(page, 'a used reset link');
      expect(await page.getByTestId('reset-new-link').getAttribute('href')).toBe('/wachtwoord-vergeten');

      // The old password no longer works; the new one does.
      await page.goto(`${app.baseUrl}/login`);
      await page.getByTestId('login-email').fill(email);
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-error').waitFor();
      await page.getByTestId('login-password').fill(newPassword);
      await page.getByTestId('login-submit').click();
      const home = page.getByTestId('role-home');
      await home.waitFor();
      expect(await home.getAttribute('data-role')).toBe('applicant');
      expect(new URL(page.url()).pathname).toBe('/aanvrager');
    } finally {
      await page.close();
    }
  });

  it('switches the language of the e-mails to English on the profile page', async () => {
    const email = await createUser(app.api);
    const page = await app.browser.newPage();
    try {
      await logIn(page, email, DEMO_PASSWORD);
      await page.getByTestId('nav-profile').click();
      await page.waitForURL((url) => url.pathname === '/profiel');
      expect(await page.getByTestId('profile-locale').inputValue()).toBe('nl');
      await expectAccessible(page, 'the profile page');
      await page.getByTestId('profile-display-name').fill('Robin Profiel');
      await page.getByTestId('profile-locale').selectOption('en');
      await page.getByTestId('profile-submit').click();
      const saved = page.getByTestId('profile-saved');
      await saved.waitFor();
      expect((await saved.textContent())?.trim()).toBe('Je profiel is opgeslagen.');
      await expectAccessible(page, 'the profile page once saved');
      // The auth state holds the returned user; the site itself stays in Dutch.
      await page
        .getByTestId('user-display-name')
        .filter({ hasText: /^Robin Profiel$/ })
        .waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('nl-BE');

      const user = await app.api.dataSource.getRepository(UserEntity).findOneByOrFail({ email });
      expect(user.locale).toBe('en');
      expect(user.displayName).toBe('Robin Profiel');
    } finally {
      await page.close();
    }
  });
});
