import type { Page } from 'playwright-core';
import { acceptAward, approveReport, payDue, setUpReporting, submitReport } from '../support/after-award';
import { expectAccessible } from '../support/axe';
import { logInAs, useBrowserApp, screenshotPath } from '../support/browser';
import { createUser } from '../support/factories';
import { assessedCall, approve, sendProposal, type BuiltDossier } from '../support/lifecycle';
import { DEMO, session } from '../support/test-app';

describe('after the final report: ledger, recovery and the organisation’s balance (Chromium)', () => {
  const app = useBrowserApp();
  let callId: string;
  let dossier: BuiltDossier;
  let ownerEmail: string;
  let adminEmail: string;

  beforeAll(async () => {
    const adminApi = await session(app.api, DEMO.admin);
    adminEmail = await createUser(app.api, ['admin']);
    const secondAdmin = await session(app.api, adminEmail);
    const built = await assessedCall(app.api, adminApi, [28_000], [5], 10_000_000);
    callId = built.callId;
    dossier = built.dossiers[0];
    await sendProposal(adminApi, callId);
    await approve(await session(app.api, DEMO.minister), callId).expect(200);
    await setUpReporting(adminApi, callId);
    expect((await acceptAward(dossier)).status).toBe(200);
    await payDue(adminApi, secondAdmin, callId); // the advance: EUR 22,400
    const report = await submitReport(dossier, [
      { description: 'Begeleiders', category: 'personnel', amountCents: 4_000_000 },
    ]);
    // accepted 30,000 of 80,000 planned: entitled EUR 10,500, EUR 11,900 to recover
    await approveReport(adminApi, report.id!, 3_000_000).expect(200);
    [{ email: ownerEmail }] = await app.api.dataSource.query<Array<{ email: string }>>(
      'SELECT u.email FROM users u JOIN dossiers d ON d.created_by = u.id WHERE d.id = $1',
      [dossier.id],
    );
  });

  async function logIn(email: string): Promise<Page> {
    const context = await app.browser.newContext({ locale: 'nl-BE' });
    const page = await context.newPage();
    await logInAs(page, app.baseUrl, email);
    return page;
  }

  const text = async (page: Page, testId: string) =>
    ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ');

  it('the admin opens the call’s ledger from the payments section and records a partial repayment', async () => {
    const page = await logIn(adminEmail);
    await page.goto(`${app.baseUrl}/administratie/oproepen/${callId}/beoordeling`);
    await page.getByTestId('ledger-link').click();
    await page.getByTestId('call-ledger').waitFor();
    const totals = await text(page, 'ledger-totals');
    expect(totals).toMatch(/€\s28\.000,00/);
    expect(totals).toMatch(/€\s22\.400,00/);
    expect(totals).toMatch(/€\s11\.900,00/);
    await expectAccessible(page, 'the ledger of the call');
    await page.screenshot({ path: screenshotPath('settlement-1'), fullPage: true });

    await page.getByTestId(`recovery-link-${dossier.id}`).click();
    await page.getByTestId('recovery-facts').waitFor();
    expect(await text(page, 'recovery-open')).toMatch(/€\s11\.900,00/);
    await expectAccessible(page, 'a recovery');
    await page.screenshot({ path: screenshotPath('settlement-2'), fullPage: true });
    await page.getByTestId('repayment-amount').fill('5.000,00');
    await page.getByTestId('repayment-submit').click();
    await page.getByText('De terugbetaling is geregistreerd').waitFor();
    expect(await text(page, 'recovery-open')).toMatch(/€\s6\.900,00/);
    // More than is open: the database refuses, the page says so.
    await page.getByTestId('repayment-amount').fill('7.000,00');
    await page.getByTestId('repayment-submit').click();
    await page.getByTestId('repayment-error').waitFor();
    expect(await text(page, 'repayment-error')).toMatch(/€\s6\.900,00/);
    await expectAccessible(page, 'a repayment refused');
    await page.screenshot({ path: screenshotPath('settlement-3'), fullPage: true });
  });

  it('the organisation sees its balance and the recovery with how to repay on its follow-up page', async () => {
    const page = await logIn(ownerEmail);
    await page.goto(`${app.baseUrl}/aanvrager/dossiers/${dossier.id}/opvolging`);
    await page.getByTestId('dossier-finances').waitFor();
    expect(await text(page, 'finances-entitled')).toMatch(/€\s10\.500,00/);
    expect(await text(page, 'finances-balance')).toMatch(/11\.900,00/);
    await page.getByTestId('finances-recovery').waitFor();
    expect(await text(page, 'finances-recovery-open')).toMatch(/€\s6\.900,00/);
    expect(await text(page, 'finances-recovery')).toContain('BE71 0961 2345 6769');
    await expectAccessible(page, 'the organisation’s balance and recovery');
    await page.screenshot({ path: screenshotPath('settlement-4'), fullPage: true });
  });

  it('the organisation opens its financial overview from the navigation: a line per dossier, totals, as cards on a phone', async () => {
    const page = await logIn(ownerEmail);
    await page.goto(`${app.baseUrl}/aanvrager`);
    await page.getByTestId('nav-applicant-finances').click();
    await page.getByTestId('my-ledger').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Financieel overzicht');
    const row = await text(page, 'my-ledger-row');
    expect(row).toMatch(/€\s28\.000,00/); // granted
    expect(row).toMatch(/€\s22\.400,00/); // paid
    expect(row).toMatch(/€\s6\.900,00/); // still to recover after the partial repayment
    const totals = await text(page, 'my-ledger-totals');
    expect(totals).toMatch(/Totaal/);
    expect(totals).toMatch(/€\s5\.000,00/); // recovered so far
    expect(await page.getByTestId('my-ledger-export').getAttribute('href')).toBe('/api/v1/ledger/mine/export');
    await expectAccessible(page, 'the organisation’s financial overview');
    await page.screenshot({ path: screenshotPath('settlement-5'), fullPage: true });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByTestId('my-ledger').waitFor();
    await expectAccessible(page, 'the organisation’s financial overview on a phone');
    await page.screenshot({ path: screenshotPath('settlement-6'), fullPage: true });
  });
});
