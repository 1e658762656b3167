import { expectAccessible } from '../support/axe';
import { useBrowserApp } from '../support/browser';
import { DEMO, DEMO_PASSWORD } from '../support/test-app';

describe('login through Chromium to each role home (real API serving the built web app)', () => {
  const app = useBrowserApp();

  it.each([
    [DEMO.applicant, 'Mijn dossiers', '/aanvrager'],
    [DEMO.admin, 'Administratie', '/administratie'],
    [DEMO.reviewer, 'Beoordeling', '/beoordeling'],
    [DEMO.minister, 'Kabinet van de minister', '/kabinet'],
  ])('%s logs in and sees their home in Dutch', async (email, heading, path) => {
    const page = await app.browser.newPage();
    try {
      // An anonymous visitor lands on the open calls, with the way in.
      await page.goto(`${app.baseUrl}/`);
      await page.getByTestId('landing-login').click();
      await page.waitForURL('**/login');
      expect(await page.getAttribute('html', 'lang')).toBe('nl-BE');
      await page.getByTestId('login-email').waitFor();
      await expectAccessible(page, 'the login page');
      await page.getByTestId('login-email').fill(email);
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      const home = page.getByTestId('role-home');
      await home.waitFor();
      expect((await home.textContent())?.trim()).toBe(heading);
      expect(new URL(page.url()).pathname).toBe(path);
      // Every part of the home has loaded (there may be several loading indicators at once).
      const loading = page.locator('.loading');
      while ((await loading.count()) > 0) await loading.first().waitFor({ state: 'detached' });
      await expectAccessible(page, `the ${heading} home page`);
    } finally {
      await page.close();
    }
  });

  it('shows the server error for a wrong password and switches to English', async () => {
    const page = await app.browser.newPage();
    try {
      await page.goto(`${app.baseUrl}/login`);
      await page.getByTestId('login-email').fill(DEMO.admin);
      await page.getByTestId('login-password').fill('wrong password');
      await page.getByTestId('login-submit').click();
      await page.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord is onjuist.' }).waitFor();
      await expectAccessible(page, 'the login page with an error');

      await page.getByTestId('lang-en').click();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      const home = page.getByTestId('role-home');
      await home.waitFor();
      expect((await home.textContent())?.trim()).toBe('Administration');
      await expectAccessible(page, 'the admin home page in English');

      await page.getByTestId('logout').click();
      await page.waitForURL('**/login');
      await page.goto(`${app.baseUrl}/administratie`);
      await page.waitForURL('**/login');
    } finally {
      await page.close();
    }
  });

  it("a role cannot open another role's home", async () => {
    const page = await app.browser.newPage();
    try {
      await page.goto(`${app.baseUrl}/login`);
      await page.getByTestId('login-email').fill(DEMO.applicant);
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('role-home').waitFor();
      await page.goto(`${app.baseUrl}/kabinet`);
      await page.waitForURL('**/aanvrager');
      expect((await page.getByTestId('role-home').textContent())?.trim()).toBe('Mijn dossiers');
    } finally {
      await page.close();
    }
  });
});
