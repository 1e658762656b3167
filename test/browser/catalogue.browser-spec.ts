import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { SubscriptionView } from '@portal/contracts';
import { eventually, logInAs, useBrowserApp } from '../support/browser';
import { createCall } from '../support/factories';
import { DEMO, DEMO_PASSWORD, session, type Session } from '../support/test-app';

const CALL_CODE = 'PLAN-SAMENLEVEN-DEMO';

describe('a local government subscribes to Plan Samenleven through Chromium (real API serving the built web app)', () => {
  const app = useBrowserApp();
  let applicant: Session;

  beforeAll(async () => {
    applicant = await session(app.api, DEMO.applicant);
  });

  const readSubscription = async (id: string): Promise<SubscriptionView> =>
    (await applicant.agent.get(`/api/v1/dossiers/${id}/subscription`).expect(200)).body as SubscriptionView;

  const logIn = (page: Page) => logInAs(page, app.baseUrl, DEMO.applicant);

  it('chooses three actions, sees the Flemish contribution computed live, and submits with a receipt', async () => {
    const page = await app.browser.newPage();
    try {
      await logIn(page);
      await page.getByTestId('nav-calls').click();
      await page.getByTestId(`call-link-${CALL_CODE}`).click();
      await page.getByTestId('call-deadline').waitFor();
      // The demo applicant also acts for a local government: that is the one offered for a catalogue call.
      await page.getByTestId('start-dossier').click();
      await page.waitForURL(/\/aanvrager\/intekeningen\/[0-9a-f-]{36}$/);
      const dossierId = new URL(page.url()).pathname.split('/').pop()!;
      expect(await page.locator('h1').textContent()).toContain('Plan Samenleven');
      expect(await page.getByTestId('flemish-total').textContent()).toContain('0,00');

      // Labour market (newcomers): 100 x EUR 650; vulnerable children: 150 x EUR 650; Dutch practice: 1000 x EUR 60.
      await page.getByTestId('reach-current-O4.A1.R1').fill('40');
      await page.getByTestId('reach-planned-O4.A1.R1').fill('100');
      expect(await page.getByTestId('row-contribution-O4.A1.R1').textContent()).toContain('65.000,00');
      await page.getByTestId('reach-planned-O3.A2.R1').fill('150');
      await page.getByTestId('reach-planned-O2.A1.R1').fill('1000');
      expect(await page.getByTestId('action-contribution-O3.A2').textContent()).toContain('97.500,00');
      expect(await page.getByTestId('action-contribution-O2.A1').textContent()).toContain('60.000,00');
      // The total follows at once, before anything is saved; priorities are numbered in the order of choosing.
      expect(await page.getByTestId('flemish-total').textContent()).toContain('222.500,00');
      expect(await page.getByTestId('chosen-actions').textContent()).toBe('3');
      expect(await page.getByTestId('priority-O4.A1').inputValue()).toBe('1');
      expect(await page.getByTestId('priority-O3.A2').inputValue()).toBe('2');
      expect(await page.getByTestId('priority-O2.A1').inputValue()).toBe('3');

      // Above the row maximum: the error shows at once, and nothing that impossible is sent.
      await page.getByTestId('reach-planned-O3.A2.R1').fill('151');
      await page.getByTestId('reach-error-O3.A2.R1').waitFor({ timeout: 1000 });
      expect(await page.getByTestId('reach-error-O3.A2.R1').textContent()).toContain('hoogstens 150');
      await page.getByTestId('reach-planned-O3.A2.R1').fill('150');

      // The own contribution must at least equal the Flemish one: submitting stays impossible until it does.
      expect(await page.getByTestId('submit-subscription').isDisabled()).toBe(true);
      await page.getByTestId('own-contribution').fill('222.500');
      await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
      const saved = await eventually(
        () => readSubscription(dossierId),
        (view) => view.ownContributionCents === 22_250_000,
      );
      expect(saved).toMatchObject({
        flemishContributionCents: 22_250_000,
        priorities: { 'O4.A1': 1, 'O3.A2': 2, 'O2.A1': 3 },
        issues: [],
      });
      expect(saved.lines).toEqual([
        { rowCode: 'O2.A1.R1', currentReach: 0, plannedExtraReach: 1000 },
        { rowCode: 'O3.A2.R1', currentReach: 0, plannedExtraReach: 150 },
        { rowCode: 'O4.A1.R1', currentReach: 40, plannedExtraReach: 100 },
      ]);

      // "Controleren en indienen": the check step, the declaration on honour, then the receipt.
      await page.getByTestId('submit-subscription').click();
      await page.waitForURL(/\/intekeningen\/[0-9a-f-]{36}\/controleren$/);
      await page.getByTestId('declaration-checkbox').check();
      await page.getByTestId('check-submit').click();
      await page.waitForURL(/\/ontvangstbewijs$/);
      expect((await page.getByTestId('receipt-reference').textContent())?.trim()).toBe(`${CALL_CODE}-0001`);
      const after = await readSubscription(dossierId);
      expect(after).toMatchObject({
        status: 'submitted',
        reference: `${CALL_CODE}-0001`,
        hasUnsubmittedChanges: false,
      });
    } finally {
      await page.close();
    }
  });

  it('after the deadline the admin computes and sends the allocation, the minister approves it, and the report shows a chart', async () => {
    const [call] = await app.api.dataSource.query<Array<{ id: string }>>('SELECT id FROM calls WHERE code = $1', [
      CALL_CODE,
    ]);
    await app.api.dataSource.query(`UPDATE calls SET closes_at = now() - interval '1 second' WHERE id = $1`, [call.id]);
    const page = await app.browser.newPage();
    try {
      const logInOther = async (email: string) => {
        await page.goto(`${app.baseUrl}/login`);
        await page.getByTestId('login-email').fill(email);
        await page.getByTestId('login-password').fill(DEMO_PASSWORD);
        await page.getByTestId('login-submit').click();
        await page.waitForURL((url) => url.pathname !== '/login');
      };
      await logInOther(DEMO.admin);
      await page.goto(`${app.baseUrl}/administratie/catalogus/${call.id}`);
      await page.getByTestId('compute-allocation').click();
      await page.locator('[data-testid="allocation-status"]').waitFor();
      expect(await page.getByTestId('allocation-status').textContent()).toBe('ontwerp');
      expect(await page.getByTestId('allocation-granted').textContent()).toContain('222.500,00');
      await page.getByTestId('send-allocation').click();
      await page.locator('[data-testid="allocation-status"]', { hasText: 'bij het kabinet' }).waitFor();
      // The report: one subscription, its figures in the table and in an accessible chart.
      expect(await page.getByTestId('report-objectives-participants').textContent()).toBe('1');
      expect(await page.getByTestId('report-objectives-asked').textContent()).toContain('222.500,00');
      expect(await page.locator('[data-testid="report-chart"] svg[role="img"] title').textContent()).toBe(
        'Vlaamse bijdrage per doelstelling',
      );
      expect(await page.getByTestId('report-xlsx').getAttribute('href')).toContain('format=xlsx');

      await page.context().clearCookies();
      await logInOther(DEMO.minister);
      await page.goto(`${app.baseUrl}/kabinet/catalogus/${call.id}`);
      await page.getByTestId('decision-date').fill('2026-09-30');
      await page.getByTestId('decision-reference').fill('MB-PS-DEMO');
      await page.getByTestId('approve-allocation').click();
      await page.locator('[data-testid="allocation-status"]', { hasText: 'goedgekeurd' }).waitFor();
      const [dossier] = await app.api.dataSource.query<Array<{ status: string; granted_cents: string }>>(
        'SELECT status, granted_cents FROM dossiers WHERE call_id = $1',
        [call.id],
      );
      expect(dossier).toEqual({ status: 'awarded', granted_cents: '22250000' });
    } finally {
      await page.close();
    }
  });

  it('the admin imports the real catalogue as a JSON file into a call, and a file that is not JSON is refused', async () => {
    const call = await createCall(app.api);
    const page = await app.browser.newPage();
    try {
      await page.goto(`${app.baseUrl}/login`);
      await page.getByTestId('login-email').fill(DEMO.admin);
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('role-home').waitFor();
      await page.goto(`${app.baseUrl}/administratie/oproepen/${call.id}`);
      await page.getByTestId('catalogue-import').waitFor();

      await page.getByTestId('catalogue-file').setInputFiles({
        name: 'catalogus.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{ objectives: [ }'),
      });
      await page.getByTestId('catalogue-import-submit').click();
      await page.getByTestId('catalogue-import-error').waitFor();

      await page
        .getByTestId('catalogue-file')
        .setInputFiles(resolve(__dirname, '../../apps/api/src/seed/calls/plan-samenleven.json'));
      await page.getByTestId('catalogue-import-submit').click();
      const done = page.getByTestId('catalogue-import-success');
      await done.waitFor();
      expect(await done.textContent()).toContain('7 doelstellingen, 19 acties, 27 rijen');
      const stored = await app.api.http.get(`/api/v1/calls/${call.id}/catalogue`).expect(200);
      expect(stored.body.catalogue.objectives).toHaveLength(7);
      const [{ kind }] = await app.api.dataSource.query<Array<{ kind: string }>>(
        'SELECT kind FROM calls WHERE id = $1',
        [call.id],
      );
      expect(kind).toBe('catalogue');
    } finally {
      await page.close();
    }
  });
});
