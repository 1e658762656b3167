import type { Page } from 'playwright-core';
import { declarationText, type CallView, type DossierView, type SubscriptionView } from '@portal/contracts';
import { expectAccessible } from '../support/axe';
import { logInAs, screenshotPath, useBrowserApp } from '../support/browser';
import { COMPLETE_DRAFT, pdfBuffer } from '../support/factories';
import { THREE_ACTIONS } from '../support/catalogue';
import { DEMO, session, type Session } from '../support/test-app';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

describe('the check step before a submit: what is submitted, the declaration on honour, then the receipt', () => {
  const app = useBrowserApp();
  let applicant: Session;

  beforeAll(async () => {
    applicant = await session(app.api, DEMO.applicant);
  });

  const submissionsOf = async (id: string): Promise<number> =>
    (
      await app.api.dataSource.query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM dossier_submissions WHERE dossier_id = $1',
        [id],
      )
    )[0].n;

  /** Call list -> call page -> "Dossier starten"; returns the dossier id from the URL. */
  async function startFromCallList(page: Page, code: string, path: RegExp): Promise<string> {
    await page.getByTestId('nav-calls').click();
    await page.getByTestId(`call-link-${code}`).click();
    await page.getByTestId('call-deadline').waitFor();
    await page.getByTestId('start-dossier').click();
    await page.waitForURL(path);
    return new URL(page.url()).pathname.split('/').pop()!;
  }

  /** Ticks nothing, presses "Indienen": the error stands next to the checkbox and nothing is sent. */
  async function expectDeclarationRequired(page: Page, dossierId: string): Promise<void> {
    let submits = 0;
    const count = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST' && request.url().endsWith(`/dossiers/${dossierId}/submit`)) submits += 1;
    };
    page.on('request', count);
    await page.getByTestId('check-submit').click();
    const error = page.getByTestId('declaration-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Bevestig de verklaring op eer om in te dienen.');
    const checkbox = page.getByTestId('declaration-checkbox');
    expect(await checkbox.getAttribute('aria-invalid')).toBe('true');
    expect(await checkbox.getAttribute('aria-describedby')).toBe('declaration-error');
    expect(await checkbox.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    page.off('request', count);
    expect(submits).toBe(0);
    expect(await submissionsOf(dossierId)).toBe(0);
  }

  // First, on an empty dossier (the same live dossier the next test fills and submits).
  it('a dossier with errors never reaches the check step: the errors show on the form as before', async () => {
    const page = await app.browser.newPage({ viewport: DESKTOP });
    try {
      await logInAs(page, app.baseUrl, DEMO.applicant);
      await page.getByTestId('nav-calls').click();
      await page.getByTestId('call-link-GV-CONNECT-DEMO').click();
      await page.getByTestId('start-dossier').click();
      await page.waitForURL(/\/aanvrager\/dossiers\/[0-9a-f-]{36}$/);
      await page.getByTestId('dossier-title').waitFor();
      await page.getByTestId('submit-dossier').click();
      await page.getByTestId('error-summary').waitFor();
      expect(page.url()).not.toMatch(/controleren$/);
    } finally {
      await page.close();
    }
  });

  it('a dossier: the summary with amounts and attachment names, the declaration required, the receipt shows it', async () => {
    const page = await app.browser.newPage({ viewport: DESKTOP });
    try {
      await logInAs(page, app.baseUrl, DEMO.applicant);
      const dossierId = await startFromCallList(page, 'GV-CONNECT-DEMO', /\/aanvrager\/dossiers\/[0-9a-f-]{36}$/);
      const dossier = (await applicant.agent.get(`/api/v1/dossiers/${dossierId}`).expect(200)).body as DossierView;
      const call = (await app.api.http.get(`/api/v1/calls/${dossier.callId}`).expect(200)).body as CallView;
      await applicant.agent
        .patch(`/api/v1/dossiers/${dossierId}`)
        .set('If-Match', String(dossier.version))
        .send({ ...COMPLETE_DRAFT, projectStart: call.projectStart, projectEnd: call.projectEnd })
        .expect(200);
      await applicant.agent
        .post(`/api/v1/dossiers/${dossierId}/attachments`)
        .field('kind', 'BEGROTING')
        .attach('file', pdfBuffer(), 'begroting-zomer-2027.pdf')
        .expect(201);
      await page.reload();
      // The last change is typed in the browser: the check step shows it, so the form saved before going there.
      await page.getByTestId('dossier-title').fill('Zomer in de buurt 2027');
      await page.getByTestId('submit-dossier').click();
      await page.waitForURL(`**/aanvrager/dossiers/${dossierId}/controleren`);

      const summary = page.getByTestId('check-summary');
      await summary.waitFor();
      expect(await page.getByTestId('check-title').textContent()).toBe('Zomer in de buurt 2027');
      const targetGroup = call.questions.find((question) => question.code === 'TARGET_GROUP')!;
      expect(await summary.textContent()).toContain(targetGroup.label);
      expect(await page.getByTestId('check-answer-TARGET_GROUP').textContent()).toBe(
        COMPLETE_DRAFT.answers.TARGET_GROUP,
      );
      expect(await page.getByTestId('check-answer-REACH').textContent()).toBe('120');
      const budget = await page.getByTestId('check-budget').textContent();
      expect(budget).toContain('Begeleiding');
      expect(budget).toMatch(/€\s60\.000,00/);
      expect(await page.getByTestId('check-total').textContent()).toMatch(/€\s80\.000,00/);
      expect(await page.getByTestId('check-own-contribution').textContent()).toMatch(/€\s5\.000,00/);
      expect(await page.getByTestId('check-requested').textContent()).toMatch(/€\s70\.000,00/);
      expect(await page.getByTestId('check-attachments').textContent()).toContain('begroting-zomer-2027.pdf');
      const declaration = declarationText('nl', dossier.applicant.legalName);
      expect(await page.getByTestId('declaration-text').textContent()).toBe(declaration);
      await expectAccessible(page, 'the check step of a dossier');
      await page.screenshot({ path: screenshotPath('check-step-dossier'), fullPage: true });

      // The browser's Back button returns to the form, with what was typed.
      await page.goBack();
      await page.waitForURL(`**/aanvrager/dossiers/${dossierId}`);
      expect(await page.getByTestId('dossier-title').inputValue()).toBe('Zomer in de buurt 2027');
      await page.goForward();
      await page.waitForURL(`**/aanvrager/dossiers/${dossierId}/controleren`);
      await page.getByTestId('check-submit').waitFor();

      await expectDeclarationRequired(page, dossierId);
      await expectAccessible(page, 'the check step with the declaration error');
      await page.setViewportSize(PHONE);
      await page.screenshot({ path: screenshotPath('check-step-dossier-error-phone'), fullPage: true });
      await page.setViewportSize(DESKTOP);

      await page.getByTestId('declaration-checkbox').check();
      await page.getByTestId('declaration-error').waitFor({ state: 'detached' });
      await page.getByTestId('check-submit').click();
      await page.waitForURL(`**/aanvrager/dossiers/${dossierId}/ontvangstbewijs`);
      expect(await page.getByTestId('receipt-declaration').textContent()).toBe(declaration);
      await expectAccessible(page, 'the receipt with the declaration');
      await page.screenshot({ path: screenshotPath('check-step-dossier-receipt'), fullPage: true });
      const [stored] = await app.api.dataSource.query<Array<{ declaration: string; title: string }>>(
        `SELECT s.declaration, s.content->>'title' AS title FROM dossier_submissions s WHERE s.dossier_id = $1`,
        [dossierId],
      );
      expect(stored).toEqual({ declaration, title: 'Zomer in de buurt 2027' });
    } finally {
      await page.close();
    }
  });

  it('a subscription: chosen actions, reach, contributions and priorities, then the declaration and the receipt', async () => {
    const page = await app.browser.newPage({ viewport: PHONE });
    try {
      await logInAs(page, app.baseUrl, DEMO.applicant);
      const dossierId = await startFromCallList(
        page,
        'PLAN-SAMENLEVEN-DEMO',
        /\/aanvrager\/intekeningen\/[0-9a-f-]{36}$/,
      );
      const view = (await applicant.agent.get(`/api/v1/dossiers/${dossierId}/subscription`).expect(200))
        .body as SubscriptionView;
      await applicant.agent
        .put(`/api/v1/dossiers/${dossierId}/subscription`)
        .set('If-Match', String(view.version))
        .send(THREE_ACTIONS)
        .expect(200);
      await page.reload();
      await page.getByTestId('submit-subscription').click();
      await page.waitForURL(`**/aanvrager/intekeningen/${dossierId}/controleren`);

      const actions = page.getByTestId('check-actions');
      await actions.waitFor();
      // One block per chosen action with its priority, one line per row with reach and contribution.
      for (const [code, priority] of Object.entries(THREE_ACTIONS.priorities)) {
        expect(await page.getByTestId(`check-priority-${code}`).textContent()).toBe(String(priority));
      }
      expect(await actions.locator('[data-testid^="check-row-"]').count()).toBe(THREE_ACTIONS.lines.length);
      const labour = await page.getByTestId('check-row-O4.A1.R1').textContent();
      expect(labour).toContain('40');
      expect(labour).toContain('100');
      expect(labour).toMatch(/€\s65\.000,00/);
      expect(await page.getByTestId('check-flemish-total').textContent()).toMatch(/€\s235\.500,00/);
      expect(await page.getByTestId('check-own-contribution').textContent()).toMatch(/€\s235\.500,00/);
      const declaration = declarationText('nl', view.applicant.legalName);
      expect(await page.getByTestId('declaration-text').textContent()).toBe(declaration);
      await expectAccessible(page, 'the check step of a subscription');
      await page.screenshot({ path: screenshotPath('check-step-subscription-phone'), fullPage: true });
      await page.setViewportSize(DESKTOP);
      await page.screenshot({ path: screenshotPath('check-step-subscription'), fullPage: true });

      await expectDeclarationRequired(page, dossierId);
      await page.getByTestId('declaration-checkbox').check();
      // Should the declaration get lost on the way anyway, the server's refusal stands next to the checkbox.
      const submitUrl = `**/api/v1/dossiers/${dossierId}/submit`;
      await page.route(submitUrl, (route) => route.continue({ postData: JSON.stringify({}) }));
      await page.getByTestId('check-submit').click();
      await page.getByTestId('declaration-error').waitFor();
      expect(await page.getByTestId('declaration-error').textContent()).toBe(
        'Bevestig de verklaring op eer om in te dienen.',
      );
      expect(await submissionsOf(dossierId)).toBe(0);
      await page.unroute(submitUrl);
      await page.getByTestId('check-submit').click();
      await page.waitForURL(`**/aanvrager/dossiers/${dossierId}/ontvangstbewijs`);
      expect(await page.getByTestId('receipt-declaration').textContent()).toBe(declaration);
      await expectAccessible(page, 'the receipt of a subscription');
      await page.setViewportSize(PHONE);
      await page.screenshot({ path: screenshotPath('check-step-subscription-receipt-phone'), fullPage: true });
      const audit = await app.api.dataSource.query<Array<{ declaration: string }>>(
        `SELECT after->>'declaration' AS declaration FROM audit_events WHERE entity_id = $1 AND action = 'dossier.submitted'`,
        [dossierId],
      );
      expect(audit).toEqual([{ declaration }]);
    } finally {
      await page.close();
    }
  });
});
