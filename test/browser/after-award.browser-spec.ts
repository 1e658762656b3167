import type { Page } from 'playwright-core';
import { expectAccessible } from '../support/axe';
import { logInAs, useBrowserApp, screenshotPath } from '../support/browser';
import { approve, assessedCall, sendProposal } from '../support/lifecycle';
import { DEMO, session } from '../support/test-app';

/** After the award (ADR 0024): the organisation reports, the administration approves with accepted costs. */
describe('the organisation fills in and submits its final report; the administration approves it (Chromium)', () => {
  const app = useBrowserApp();
  let callId: string;
  let dossierId: string;
  let ownerEmail: string;

  beforeAll(async () => {
    const admin = await session(app.api, DEMO.admin);
    const minister = await session(app.api, DEMO.minister);
    const built = await assessedCall(app.api, admin, [30_000], [5], 20_000_000);
    callId = built.callId;
    dossierId = built.dossiers[0].id;
    await sendProposal(admin, callId);
    await approve(minister, callId).expect(200);
    await admin.agent
      .put(`/api/v1/calls/${callId}/report-settings`)
      .send({
        interimRequired: false,
        interimDueAt: null,
        finalDueAt: new Date(Date.now() + 60 * 24 * 3600_000).toISOString(),
        indicators: [
          { code: 'REACH', label: 'Bereikte kinderen en jongeren', questionCode: 'REACH' },
          { code: 'ACTIVITIES', label: 'Aantal activiteiten', questionCode: null },
        ],
      })
      .expect(200);
    [{ email: ownerEmail }] = await app.api.dataSource.query<Array<{ email: string }>>(
      'SELECT u.email FROM dossiers d JOIN users u ON u.id = d.created_by WHERE d.id = $1',
      [dossierId],
    );
  });

  async function logIn(email: string): Promise<Page> {
    const context = await app.browser.newContext({ locale: 'nl-BE', viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await logInAs(page, app.baseUrl, email);
    return page;
  }

  it('reports, submits with the declaration, and the administration approves with accepted costs per line', async () => {
    const owner = await logIn(ownerEmail);
    // From the decision on the dossier to the follow-up after the award.
    await owner.goto(`${app.baseUrl}/aanvrager/dossiers/${dossierId}`);
    await owner.getByTestId('decision-follow-up').click();
    await owner.getByTestId('report-link-final').waitFor();
    await expectAccessible(owner, 'follow-up after the award');
    await owner.screenshot({ path: screenshotPath('after-award-1'), fullPage: true });
    await owner.getByTestId('report-link-final').click();

    // An empty report: the issues are named next to the fields, and the submit says what is missing.
    await owner.getByTestId('report-narrative').waitFor();
    expect(await owner.getByTestId('report-issue-count').textContent()).toMatch(/^Nog \d+ punten/);
    await owner.getByTestId('report-declaration').check();
    await owner.getByTestId('report-submit').click();
    await owner.getByTestId('report-submit-problem').waitFor();

    await owner.getByTestId('report-narrative').fill('Twaalf buurtactiviteiten met 140 kinderen en jongeren.');
    await owner.getByTestId('report-indicator-REACH').fill('140');
    await owner.getByTestId('report-indicator-ACTIVITIES').fill('12');
    await owner.getByTestId('report-line-add').click();
    await owner.getByTestId('report-line-description-0').fill('Begeleiders');
    await owner.getByTestId('report-line-category-0').selectOption('personnel');
    await owner.getByTestId('report-line-amount-0').fill('50.000,00');
    await owner.getByTestId('report-line-add').click();
    await owner.getByTestId('report-line-description-1').fill('Materiaal');
    await owner.getByTestId('report-line-amount-1').fill('25.000');
    await owner.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
    await owner.getByTestId('report-issue-count').waitFor({ state: 'detached' });
    // The invoices with the cost statement: two added, one removed again while drafting.
    const pdf = (text: string) =>
      Buffer.from(`%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% ${text}\ntrailer <</Root 1 0 R>>\n%%EOF\n`);
    await owner.getByTestId('report-documents-none').waitFor();
    const input = owner.getByTestId('report-document-input');
    await input.setInputFiles({
      name: 'factuur-begeleiders.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('factuur 1'),
    });
    await owner.getByTestId('report-document').first().waitFor();
    await input.setInputFiles({ name: 'verkeerd-bestand.pdf', mimeType: 'application/pdf', buffer: pdf('verkeerd') });
    await owner.getByTestId('report-document').nth(1).waitFor();
    await owner.getByRole('button', { name: 'Verwijderen verkeerd-bestand.pdf' }).click();
    await owner.getByTestId('report-document').nth(1).waitFor({ state: 'detached' });
    expect(await owner.getByTestId('report-document').textContent()).toContain('factuur-begeleiders.pdf');
    await expectAccessible(owner, 'report form');
    await owner.screenshot({ path: screenshotPath('after-award-2'), fullPage: true });
    await owner.getByTestId('report-submit').click();
    await owner.getByTestId('report-submitted').waitFor();
    expect(await owner.getByTestId('report-status').textContent()).toContain('Ingediend');
    await expectAccessible(owner, 'submitted report');
    await owner.screenshot({ path: screenshotPath('after-award-3'), fullPage: true });

    const admin = await logIn(DEMO.admin);
    await admin.goto(`${app.baseUrl}/administratie/oproepen/${callId}/rapporten`);
    await admin.locator('[data-testid="call-report-row"][data-status="submitted"]').waitFor();
    await expectAccessible(admin, 'reports of the call');
    await admin.screenshot({ path: screenshotPath('after-award-4'), fullPage: true });
    await admin.getByTestId('report-review-link').click();
    // The administration sees the invoice with the report and can download it.
    const document = admin.getByTestId('report-document');
    await document.waitFor();
    expect(await document.textContent()).toContain('factuur-begeleiders.pdf');
    expect(await document.getByRole('link').getAttribute('href')).toMatch(
      /^\/api\/v1\/reports\/[0-9a-f-]+\/documents\//,
    );
    await admin.getByTestId('accepted-1').fill('20.000,00');
    await expectAccessible(admin, 'report review');
    await admin.screenshot({ path: screenshotPath('after-award-5'), fullPage: true });
    await admin.getByTestId('review-approve').click();
    await admin.getByTestId('report-accepted-costs').waitFor();
    expect(await admin.getByTestId('review-status').textContent()).toContain('Goedgekeurd');
    expect((await admin.getByTestId('report-accepted-costs').textContent())?.replace(/\s/g, ' ')).toBe('€ 70.000,00');
    await expectAccessible(admin, 'approved report');
    await admin.screenshot({ path: screenshotPath('after-award-6'), fullPage: true });

    const [row] = await app.api.dataSource.query<Array<{ accepted_costs_cents: string; planned_costs_cents: string }>>(
      `SELECT accepted_costs_cents, planned_costs_cents FROM dossier_reports WHERE dossier_id = $1 AND kind = 'final'`,
      [dossierId],
    );
    expect(row).toEqual({ accepted_costs_cents: '7000000', planned_costs_cents: '8000000' });

    // The organisation reads the approval.
    await owner.reload();
    await owner.getByTestId('report-approved').waitFor();
    await expectAccessible(owner, 'approved report, as the organisation reads it');
    await owner.screenshot({ path: screenshotPath('after-award-7'), fullPage: true });
  });
});
