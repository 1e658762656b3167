import type { BrowserContext, Page } from 'playwright-core';
import { AuditEventEntity, UserEntity } from '@portal/server';
import { useBrowserApp } from '../support/browser';
import { createUser } from '../support/factories';
import { DEMO_PASSWORD } from '../support/test-app';

describe('password change and "log out everywhere" on the profile page (Chromium, built web app)', () => {
  const app = useBrowserApp({ seed: false });

  /** A separate browser (own cookies), logged in and on the profile page. */
  async function loggedIn(email: string, password = DEMO_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('role-home').waitFor();
    await page.getByTestId('nav-profile').click();
    await page.waitForURL((url) => url.pathname === '/profiel');
    return { context, page };
  }

  async function isLoggedOut(page: Page): Promise<boolean> {
    await page.goto(`${app.baseUrl}/profiel`);
    await page.waitForURL((url) => url.pathname === '/login' || url.pathname === '/profiel');
    await page.getByTestId('login-email').or(page.getByTestId('profile-email')).first().waitFor();
    return new URL(page.url()).pathname === '/login';
  }

  it('changes the password: a breached one is refused at the field, a good one ends the other browser', async () => {
    const email = await createUser(app.api);
    const laptop = await loggedIn(email);
    const phone = await loggedIn(email);
    try {
      const page = laptop.page;
      await page.getByTestId('password-change-current').fill(DEMO_PASSWORD);
      await page.getByTestId('password-change-password').fill('Wachtwoord2026!');
      await page.getByTestId('password-change-password-confirm').fill('Wachtwoord2026!');
      await page.getByTestId('password-change-submit').click();
      const error = page.getByTestId('password-change-error');
      await error.waitFor();
      expect((await error.textContent())?.trim()).toBe(
        'Dit wachtwoord staat in een lijst van veelgebruikte of gelekte wachtwoorden. Kies een ander wachtwoord.',
      );
      expect(await page.getByTestId('password-change-password').getAttribute('aria-invalid')).toBe('true');

      const newPassword = 'een nieuwe zin als wachtwoord';
      await page.getByTestId('password-change-password').fill(newPassword);
      await page.getByTestId('password-change-password-confirm').fill(newPassword);
      await page.getByTestId('password-change-submit').click();
      await page.getByTestId('password-change-saved').waitFor();
      expect(await page.getByTestId('password-change-current').inputValue()).toBe('');

      expect(await isLoggedOut(laptop.page)).toBe(false);
      expect(await isLoggedOut(phone.page)).toBe(true);
      const user = await app.api.dataSource.getRepository(UserEntity).findOneByOrFail({ email });
      expect(
        await app.api.dataSource
          .getRepository(AuditEventEntity)
          .countBy({ action: 'auth.password_changed', entityId: user.id }),
      ).toBe(1);
    } finally {
      await laptop.context.close();
      await phone.context.close();
    }
  });

  it('"log out everywhere" ends this browser\'s session and the other one\'s', async () => {
    const email = await createUser(app.api);
    const laptop = await loggedIn(email);
    const phone = await loggedIn(email);
    try {
      await laptop.page.getByTestId('logout-everywhere').click();
      await laptop.page.waitForURL((url) => url.pathname === '/login');
      expect(await isLoggedOut(laptop.page)).toBe(true);
      expect(await isLoggedOut(phone.page)).toBe(true);
    } finally {
      await laptop.context.close();
      await phone.context.close();
    }
  });
});
