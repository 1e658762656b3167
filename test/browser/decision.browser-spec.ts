import type { Page } from 'playwright-core';
import { DossierEntity } from '@portal/server';
import { referenceCall } from '../../apps/api/src/seed/demo-calls';
import { expectAccessible } from '../support/axe';
import { logInAs, screenshotPath, useBrowserApp } from '../support/browser';
import { applicantWithOrganisation, closeCallOnTime, completeDossier, createCall } from '../support/factories';
import { DEMO, session, type Session } from '../support/test-app';

const CRITERIA = referenceCall().criteria;

describe('the admin proposes, the minister approves, the applicant reads the decision (Chromium)', () => {
  const app = useBrowserApp();
  let callId: string;
  let callCode: string;
  let adminApi: Session;
  const owners: Array<Session & { applicantId: string; email: string }> = [];
  const dossierIds: string[] = [];

  beforeAll(async () => {
    const admin = await session(app.api, DEMO.admin);
    // Budget EUR 100,000; three dossiers ask EUR 60,000, 50,000 and 30,000: the second does not fit, the third does.
    const call = await createCall(app.api, {
      overrides: { criteria: CRITERIA, budgetCents: 10_000_000, maxRequestedCents: 10_000_000 },
    });
    callId = call.id;
    callCode = call.code;
    for (const [i, euros] of [60_000, 50_000, 30_000].entries()) {
      const owner = await applicantWithOrganisation(app.api);
      const { id, version } = await completeDossier(app.api, owner, callId);
      await owner.agent
        .patch(`/api/v1/dossiers/${id}`)
        .set('If-Match', String(version))
        .send({ requestedCents: euros * 100 })
        .expect(200);
      await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
      const [{ email }] = await app.api.dataSource.query<Array<{ email: string }>>(
        'SELECT u.email FROM users u JOIN applicant_members m ON m.user_id = u.id WHERE m.applicant_id = $1',
        [owner.applicantId],
      );
      owners.push({ ...owner, email });
      dossierIds.push(id);
      void i;
    }
    await closeCallOnTime(app.api, callId);
    adminApi = admin;
  });

  /** The consensus of the review panel, set through the API (the screens for it are tested elsewhere). */
  async function setConsensus(): Promise<void> {
    for (const [i, id] of dossierIds.entries()) {
      await adminApi.agent
        .put(`/api/v1/dossiers/${id}/consensus`)
        .send({
          scores: CRITERIA.map((c) => ({ criterionCode: c.code, score: 5 - i, motivation: 'Consensus na overleg.' })),
        })
        .expect(204);
    }
  }

  /** Browser dialogs: there should be none (every confirmation is in the page). */
  const unexpectedDialogs: string[] = [];

  async function logIn(email: string): Promise<Page> {
    const context = await app.browser.newContext({ locale: 'nl-BE', acceptDownloads: true });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      unexpectedDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await logInAs(page, app.baseUrl, email);
    return page;
  }

  it('walks from the ranking with its budget line to the decision letter', async () => {
    const admin = await logIn(DEMO.admin);
    await admin.getByTestId(`assessment-link-${callCode}`).click();
    // All three passed the automatic checks: one motivated decision declares them admissible.
    await admin.getByTestId('bulk-admissibility').locator('summary').click();
    await admin.getByTestId('bulk-admissibility-form-text').fill('Alle automatische controles geslaagd en nagekeken.');
    await admin.getByTestId('bulk-admissibility-form-submit').click();
    await admin.getByTestId('bulk-admissibility-form-confirm').click();
    await admin.getByTestId('bulk-admissibility-done').waitFor();
    await expect(
      admin.getByTestId('admissibility-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? '')),
    ).resolves.toEqual([
      expect.stringContaining('Ontvankelijk'),
      expect.stringContaining('Ontvankelijk'),
      expect.stringContaining('Ontvankelijk'),
    ]);
    await setConsensus();
    await admin.reload();
    await admin.getByTestId('ranking-table').waitFor();
    const ranked = await admin
      .getByTestId('ranking-row')
      .evaluateAll((rows) =>
        rows.map((row) => ({ reference: row.getAttribute('data-reference'), below: row.getAttribute('data-below') })),
      );
    expect(ranked.map((r) => r.below)).toEqual(['false', 'true', 'true']);
    await expect(admin.getByTestId('budget-line').count()).resolves.toBe(1);
    await expectAccessible(admin, 'assessment page');

    await admin.getByTestId('compute-proposal').click();
    await admin.getByTestId('proposal-lines').waitFor();
    await expect(admin.getByTestId('proposal-selected-count').textContent()).resolves.toBe('2');
    await admin.getByTestId('send-proposal').click();
    // Confirmed in the page, not in a browser dialog.
    await admin.getByTestId('send-proposal-confirm-step').waitFor();
    await expectAccessible(admin, 'the proposal about to be sent');
    await admin.getByTestId('send-proposal-confirm').click();
    await admin.getByText('Het voorstel is naar de minister gestuurd.').waitFor();

    const minister = await logIn(DEMO.minister);
    await minister.getByTestId(`open-proposal-${callCode}`).click();
    await minister.getByTestId('approve-form').waitFor();
    await expectAccessible(minister, 'minister approval page');
    const outcomes = await minister
      .getByTestId('proposal-line')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-outcome')));
    expect(outcomes).toEqual(['selected', 'reserve', 'selected']);
    await minister.getByTestId('approve-form-date').fill('2026-11-30');
    await minister.getByTestId('approve-form-reference').fill('MB-2026-CJM-1130');
    await minister.getByTestId('approve-form-submit').click();
    // The approval is confirmed in the page, with the date and reference that will be recorded (no browser dialog).
    const confirmStep = minister.getByTestId('approve-form-confirm-step');
    await confirmStep.waitFor();
    await minister.locator('[data-testid="approve-form-confirm-step"]:focus').waitFor();
    await expect(minister.getByTestId('approve-form-confirm-date').textContent()).resolves.toBe('30 november 2026');
    await expect(minister.getByTestId('approve-form-confirm-reference').textContent()).resolves.toBe(
      'MB-2026-CJM-1130',
    );
    await expectAccessible(minister, 'the confirmation of the approval');
    await minister.screenshot({ path: screenshotPath('minister-approve-confirm'), fullPage: true });
    // Going back changes nothing; confirming approves.
    await minister.getByTestId('approve-form-cancel').click();
    await minister.getByTestId('approve-form-submit').click();
    await minister.getByTestId('approve-form-confirm').click();
    await minister.getByTestId('decision-reference').waitFor();
    expect(unexpectedDialogs).toEqual([]);
    // Decided: the minister reads why, and may still raise the budget with a new decision; the administration's
    // assessment page offers no act that fed the decision any more (ADR 0009).
    await minister.reload();
    await expect(minister.getByTestId('phase-banner').locator('[data-phase]').getAttribute('data-phase')).resolves.toBe(
      'decided',
    );
    await minister.getByTestId('budget-decision').waitFor();
    await expectAccessible(minister, 'minister page after the decision');
    await minister.screenshot({ path: screenshotPath('minister-decided'), fullPage: true });
    await admin.reload();
    await admin.getByTestId('phase-banner').waitFor();
    await expect(admin.getByTestId('phase-banner').textContent()).resolves.toContain('De minister heeft beslist');
    await expect(admin.getByTestId('compute-proposal').count()).resolves.toBe(0);
    await expect(admin.locator('[data-testid^="decide-"]').count()).resolves.toBe(0);
    await expect(admin.locator('[data-testid^="consensus-"]').count()).resolves.toBe(0);
    await expect(admin.getByTestId('budget-decision').count()).resolves.toBe(0);
    await expect(admin.getByTestId('assign-auto').count()).resolves.toBe(0);
    await admin.screenshot({ path: screenshotPath('assessment-decided'), fullPage: true });

    const rows = await app.api.dataSource.getRepository(DossierEntity).findBy({ callId });
    expect(
      rows
        .filter((d) => d.status === 'awarded')
        .map((d) => d.id)
        .sort(),
    ).toEqual([dossierIds[0], dossierIds[2]].sort());

    const applicant = await logIn(owners[2].email);
    await applicant.goto(`${app.baseUrl}/aanvrager/dossiers/${dossierIds[2]}`);
    const panel = applicant.getByTestId('decision-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-outcome')).resolves.toBe('awarded');
    // The page starts with its title; the decision follows it.
    await expect(
      applicant.evaluate(
        `Boolean(document.querySelector('main h1').compareDocumentPosition(
           document.querySelector('[data-testid="decision-panel"]')) & Node.DOCUMENT_POSITION_FOLLOWING)`,
      ),
    ).resolves.toBe(true);
    await expect(applicant.getByTestId('decision-summary').textContent()).resolves.toMatch(/30\.000,00/);
    await applicant.getByTestId('decision-scores').waitFor();
    await expectAccessible(applicant, 'dossier page with the decision');
    const [download] = await Promise.all([
      applicant.waitForEvent('download'),
      applicant.getByTestId('decision-letter').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^beslissing-.+\.pdf$/);

    const reserve = await logIn(owners[1].email);
    await reserve.goto(`${app.baseUrl}/aanvrager/dossiers/${dossierIds[1]}`);
    await reserve.getByTestId('decision-panel').waitFor();
    await expect(reserve.getByTestId('decision-panel').getAttribute('data-outcome')).resolves.toBe('reserve');
  }, 120_000);
});
