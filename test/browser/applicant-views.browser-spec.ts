import type { CallView } from '@portal/contracts';
import { expectAccessible } from '../support/axe';
import { logInAs, screenshotPath, useBrowserApp } from '../support/browser';
import { completeDossier, createCall, createUser, organisationInput } from '../support/factories';
import { session } from '../support/test-app';

describe('what an applicant sees first: the landing page and "Mijn dossiers" (Chromium, built web app)', () => {
  const app = useBrowserApp();

  it.each([
    ['desktop', { width: 1366, height: 768 }],
    ['phone', { width: 390, height: 844 }],
  ])('an anonymous visitor on / sees the open calls and the way in (%s)', async (size, viewport) => {
    const calls = (await app.api.http.get('/api/v1/calls').expect(200)).body as CallView[];
    const demo = calls.find((call) => call.code === 'GV-CONNECT-DEMO')!;
    const page = await app.browser.newPage({ viewport, locale: 'nl-BE' });
    try {
      await page.goto(`${app.baseUrl}/`);
      await page.getByTestId('landing').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      // No login form here: the open calls, each with its title, deadline, maximum amount and link.
      expect(await page.getByTestId('login-email').count()).toBe(0);
      const card = page.locator(`[data-testid="landing-call"][data-code="${demo.code}"]`);
      await card.waitFor();
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(demo.title);
      expect(text).toContain('Deadline');
      expect(text).toMatch(/€\s?100\.000,00/);
      expect(await card.getByRole('link', { name: demo.title }).getAttribute('href')).toBe(`/oproepen/${demo.id}`);
      // Only open calls: the 2020 reference call closed long ago.
      expect(await page.locator('[data-testid="landing-call"][data-code="GV-CONNECT-2020"]').count()).toBe(0);
      await expectAccessible(page, `the landing page (${size})`);
      await page.screenshot({ path: screenshotPath(`landing-${size}`), fullPage: true });

      await page.getByTestId('landing-login').click();
      await page.waitForURL('**/login');
      await page.getByTestId('login-email').waitFor();
    } finally {
      await page.close();
    }
  });

  it('"Mijn dossiers" links each dossier by its title and warns about drafts whose deadline is near or past', async () => {
    const email = await createUser(app.api);
    const applicant = await session(app.api, email);
    const registered = await applicant.agent.post('/api/v1/applicants').send(organisationInput()).expect(201);
    const user = { ...applicant, applicantId: registered.body.id as string };
    const soon = await createCall(app.api, { closesIn: '3 days 2 hours' });
    const urgent = await createCall(app.api, { closesIn: '5 hours' });
    const later = await createCall(app.api, { closesIn: '20 days' });
    const inThreeDays = await completeDossier(app.api, user, soon.id);
    const inHours = await completeDossier(app.api, user, urgent.id);
    const farOff = await completeDossier(app.api, user, later.id);

    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'nl-BE' });
    try {
      await logInAs(page, app.baseUrl, email);
      // Logged in, / is the role's home, not the landing page.
      await page.goto(`${app.baseUrl}/`);
      await page.waitForURL('**/aanvrager');
      await page.getByTestId('dossier-table').waitFor();
      const row = (id: string) => page.locator('tr', { has: page.getByTestId(`dossier-link-${id}`) });

      // The link is the title (the row header), not the reference cell.
      const link = page.getByTestId(`dossier-link-${inThreeDays.id}`);
      expect((await link.textContent())?.trim()).toBe('Zomer in de buurt');
      expect(await link.evaluate((a) => a.closest('th')?.getAttribute('scope'))).toBe('row');
      expect(await row(inThreeDays.id).textContent()).toContain(soon.title);

      const warning = row(inThreeDays.id).getByTestId('deadline-warning');
      expect(await warning.getAttribute('data-level')).toBe('soon');
      expect(await warning.textContent()).toContain('Nog 3 dagen om in te dienen');
      const urgentWarning = row(inHours.id).getByTestId('deadline-warning');
      expect(await urgentWarning.getAttribute('data-level')).toBe('urgent');
      expect(await urgentWarning.textContent()).toContain('Sluit binnen 5 uur');
      expect(await row(farOff.id).getByTestId('deadline-warning').count()).toBe(0);

      // Past the deadline, still a draft: said plainly.
      await app.api.dataSource.query(`UPDATE calls SET closes_at = now() - interval '1 minute' WHERE id = $1`, [
        later.id,
      ]);
      await page.reload();
      await page.getByTestId('dossier-table').waitFor();
      const passed = row(farOff.id).getByTestId('deadline-warning');
      expect(await passed.getAttribute('data-level')).toBe('passed');
      expect(await passed.textContent()).toContain('Deadline verstreken');

      await expectAccessible(page, 'Mijn dossiers with deadline warnings');
      await page.screenshot({ path: screenshotPath('applicant-home-deadlines'), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await expectAccessible(page, 'Mijn dossiers on a phone');
      await page.screenshot({ path: screenshotPath('applicant-home-deadlines-phone'), fullPage: true });

      await link.click();
      await page.waitForURL(`**/aanvrager/dossiers/${inThreeDays.id}`);
    } finally {
      await page.close();
    }
  });
});
