import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { PersonalDataExport } from '@portal/contracts';
import { expectAccessible } from '../support/axe';
import { logInAs, useBrowserApp } from '../support/browser';
import { DEMO } from '../support/test-app';

describe('the audit log, my data and the accessibility statement through Chromium (real API serving the built web app)', () => {
  const app = useBrowserApp();

  const logIn = (page: Page, email: string) => logInAs(page, app.baseUrl, email);

  it('an admin opens the audit log from the navigation, filters it, reads a change and downloads the export', async () => {
    const page = await app.browser.newPage({ acceptDownloads: true });
    try {
      await logIn(page, DEMO.admin);
      await page.getByTestId('nav-admin-audit').click();
      await page.waitForURL((url) => url.pathname === '/administratie/audit');
      await page.getByTestId('audit-row').first().waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Auditlog');
      expect(await page.getByTestId('nav-admin-audit').getAttribute('aria-current')).toBe('page');
      await expectAccessible(page, 'the audit log');

      // My own login, found by action and actor.
      await page.getByTestId('audit-filter-action').fill('auth.login');
      await page.getByTestId('audit-filter-actor').fill(DEMO.admin);
      await page.getByTestId('audit-filter-submit').click();
      await page.waitForURL((url) => url.searchParams.get('action') === 'auth.login');
      await page.locator('[data-testid="audit-row"]:not([data-action="auth.login"])').waitFor({ state: 'detached' });
      const rows = page.getByTestId('audit-row');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await rows.first().textContent()).toContain(DEMO.admin);
      await rows.first().locator('summary').click();
      const after = rows.first().locator('.audit-log__json').nth(1);
      expect(await after.textContent()).toContain('"userAgent"');
      await expectAccessible(page, 'the audit log with a change opened');

      // The export takes the same filter.
      const link = page.getByTestId('audit-export-csv');
      const href = new URL((await link.getAttribute('href'))!, app.baseUrl);
      expect(href.pathname).toBe('/api/v1/admin/audit-events/export');
      expect(Object.fromEntries(href.searchParams)).toEqual({ actor: DEMO.admin, action: 'auth.login', format: 'csv' });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('auditlog.csv');
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.split('\r\n')[0]).toContain('Tijdstip (Brussel);Wie;Handeling');
      expect(csv).toContain(`(${DEMO.admin});`);

      // A reversed period: the server's message, not an empty list.
      await page.getByTestId('audit-filter-from').fill('2026-03-30');
      await page.getByTestId('audit-filter-to').fill('2026-03-29');
      await page.getByTestId('audit-filter-submit').click();
      expect(await page.getByTestId('audit-error').textContent()).toContain(
        'Enkele velden zijn niet correct ingevuld.',
      );

      await page.getByTestId('lang-en').click();
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    } finally {
      await page.close();
    }
  });

  it('pages to older events and back with the browser', async () => {
    const action = 'test.browser_paging';
    await app.api.dataSource.query(
      `INSERT INTO audit_events (occurred_at, action, entity_type, entity_id, after)
       SELECT now() - make_interval(secs => n), $1, 'system', 'event-' || n, '{}'::jsonb FROM generate_series(1, 60) n`,
      [action],
    );
    const page = await app.browser.newPage();
    try {
      await logIn(page, DEMO.admin);
      await page.goto(`${app.baseUrl}/administratie/audit?action=${action}`);
      const rows = page.getByTestId('audit-row');
      await rows.nth(49).waitFor();
      expect(await rows.count()).toBe(50);
      expect(await rows.first().textContent()).toContain('event-1');
      await page.getByTestId('audit-page-next').click();
      await page.waitForURL((url) => url.searchParams.has('cursor'));
      await page.locator('[data-testid="audit-row"]:nth-child(11)').waitFor({ state: 'detached' });
      await page.locator('[data-testid="audit-table"]:not([aria-busy])').waitFor();
      expect(await rows.count()).toBe(10);
      expect(await rows.last().textContent()).toContain('event-60');
      expect(await page.getByTestId('audit-page-next').count()).toBe(0);
      await page.goBack();
      await rows.nth(49).waitFor();
      await page.locator('[data-testid="audit-table"]:not([aria-busy])').waitFor();
      expect(await rows.first().textContent()).toContain('event-1');
    } finally {
      await page.close();
    }
  });

  it('anyone logged in downloads their own data from the profile page', async () => {
    const page = await app.browser.newPage({ acceptDownloads: true });
    try {
      await logIn(page, DEMO.applicant);
      await page.goto(`${app.baseUrl}/profiel`);
      const button = page.getByTestId('profile-data-export');
      await button.waitFor();
      await expectAccessible(page, 'the profile page');
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as PersonalDataExport;
      expect(data.format).toBe('grant-portal.personal-data');
      expect(data.account.email).toBe(DEMO.applicant);
      expect(data.memberships.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('links the accessibility statement from the footer of every page, and the statement passes its own check', async () => {
    const page = await app.browser.newPage();
    try {
      const visit = async (path: string, ready: string) => {
        await page.goto(`${app.baseUrl}${path}`);
        await page.getByTestId(ready).first().waitFor();
        const footerLink = page.locator('footer').getByTestId('footer-accessibility');
        expect({ path, href: await footerLink.getAttribute('href') }).toEqual({ path, href: '/toegankelijkheid' });
      };
      await visit('/login', 'login-email');
      await visit('/oproepen', 'nav-calls');
      await visit('/bestaat-niet', 'nav-calls');
      await logIn(page, DEMO.admin);
      await visit('/administratie', 'role-home');
      await visit('/administratie/audit', 'audit-table');
      await visit('/profiel', 'profile-data-export');

      await page.locator('footer').getByTestId('footer-accessibility').click();
      await page.waitForURL((url) => url.pathname === '/toegankelijkheid');
      await page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }).waitFor();
      expect(await page.locator('main').textContent()).toContain('axe-core');
      await expectAccessible(page, 'the accessibility statement');
    } finally {
      await page.close();
    }
  });
});
