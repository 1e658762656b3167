import type { Page } from 'playwright-core';
import { type ReviewView } from '@portal/contracts';
import { referenceCall } from '../../apps/api/src/seed/demo-calls';
import { expectAccessible } from '../support/axe';
import { logInAs, useBrowserApp } from '../support/browser';
import {
  applicantWithOrganisation,
  closeCallOnTime,
  COMPLETE_DRAFT,
  completeDossier,
  createCall,
  createUser,
} from '../support/factories';
import { DEMO, session, type Session } from '../support/test-app';

// TARGET w3 thr3, CONNECT w3 thr3, FEASIBLE w2 thr2.5, PARTNERS w1 thr0, BUDGET w1 thr2 (scale 0-5).
const CRITERIA = referenceCall().criteria;

describe('a reviewer scores an assigned dossier through Chromium (real API serving the built web app)', () => {
  const app = useBrowserApp();
  let reviewerEmail: string;
  let reviewer: Session;
  /** Assignment ids of the reviewer: one to score, one to decline with a conflict of interest. */
  const assignments: string[] = [];

  beforeAll(async () => {
    // A call with the reference criteria and two submitted dossiers...
    const call = await createCall(app.api, { overrides: { criteria: CRITERIA } });
    const dossierIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const owner = await applicantWithOrganisation(app.api);
      const { id } = await completeDossier(app.api, owner, call.id);
      await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
      dossierIds.push(id);
    }
    // ...past its deadline (submitted on time), declared admissible and assigned to a fresh reviewer.
    await closeCallOnTime(app.api, call.id);
    const admin = await session(app.api, DEMO.admin);
    reviewerEmail = await createUser(app.api, ['reviewer']);
    const [{ id: reviewerId }] = await app.api.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM users WHERE email = $1',
      [reviewerEmail],
    );
    for (const dossierId of dossierIds) {
      await admin.agent
        .post(`/api/v1/dossiers/${dossierId}/admissibility`)
        .send({ decision: 'admissible', motivation: 'Voldoet aan alle voorwaarden.' })
        .expect(200);
      const assigned = await admin.agent
        .post(`/api/v1/calls/${call.id}/assignments`)
        .send({ dossierId, reviewerId })
        .expect(200);
      const mine = (assigned.body as Array<{ id: string; dossierId: string; reviewerId: string }>).find(
        (a) => a.dossierId === dossierId && a.reviewerId === reviewerId,
      );
      assignments.push(mine!.id);
    }
    reviewer = await session(app.api, reviewerEmail);
  });

  const readReview = async (id: string): Promise<ReviewView> =>
    (await reviewer.agent.get(`/api/v1/assignments/${id}`).expect(200)).body as ReviewView;

  async function logIn(page: Page): Promise<void> {
    await logInAs(page, app.baseUrl, reviewerEmail);
    await page.waitForURL('**/beoordeling');
  }

  it('lists the assignment, refuses a below-threshold score without comment, then saves, submits and locks', async () => {
    const page = await app.browser.newPage();
    try {
      await logIn(page);
      const todo = page.getByTestId('assignments-assigned');
      await todo.waitFor();
      expect(await todo.getByTestId('assignment-row').count()).toBe(2);
      await expectAccessible(page, 'the reviewer home');
      await page.getByTestId(`assignment-link-${assignments[0]}`).click();
      await page.waitForURL(`**/beoordeling/${assignments[0]}`);

      // The submitted dossier, read-only, next to the criteria.
      await page.getByTestId('review-dossier-title').waitFor();
      expect(await page.getByTestId('review-dossier-title').textContent()).toBe(COMPLETE_DRAFT.title);
      expect(await page.getByTestId('review-attachment-BEGROTING').textContent()).toContain('begroting.pdf');
      // The reviewer opens the budget itself, not only its name.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('review-attachment-download-BEGROTING').click(),
      ]);
      expect(download.suggestedFilename()).toBe('begroting.pdf');
      expect(await page.getByTestId('review-status').getAttribute('data-status')).toBe('assigned');
      // The conflict question comes first (ADR 0013): no scoring form until it is answered.
      expect(await page.getByTestId('review-scores-form').count()).toBe(0);
      await page.getByTestId('no-conflict-submit').click();
      await page.getByTestId('review-score-TARGET').waitFor();
      // Half points with a decimal comma, from the bottom to the top of the scale.
      const options = await page.getByTestId('review-score-TARGET').locator('option').allTextContents();
      expect(options.slice(1)).toEqual(['0', '0,5', '1', '1,5', '2', '2,5', '3', '3,5', '4', '4,5', '5']);
      await expectAccessible(page, 'the scoring page');

      const scores: Record<string, string> = {
        TARGET: '2.5',
        CONNECT: '4',
        FEASIBLE: '3.5',
        PARTNERS: '1',
        BUDGET: '3',
      };
      for (const [code, value] of Object.entries(scores)) {
        await page.getByTestId(`review-score-${code}`).selectOption(value);
      }

      // A draft may lack the comment.
      await page.getByTestId('review-save').click();
      await page.getByTestId('review-saved').waitFor();
      const draft = await readReview(assignments[0]);
      expect(draft.status).toBe('assigned');
      expect(draft.scores.find((s) => s.criterionCode === 'TARGET')).toEqual({
        criterionCode: 'TARGET',
        score: 2.5,
        comment: null,
      });

      // Submitting does not: 2,5 is below the threshold of 3. The error summary takes the focus and links to the field.
      await page.getByTestId('review-submit').click();
      const summary = page.getByTestId('error-summary');
      await summary.waitFor();
      expect(await summary.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
      // It says what failed: submitting ("ingediend"), not saving ("bewaard").
      expect(await summary.textContent()).toContain('Je beoordeling kan nog niet ingediend worden');
      const comment = page.getByTestId('review-comment-TARGET');
      expect(await comment.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#review-comment-TARGET-error').textContent()).toContain('Licht je score toe');
      expect(await comment.getAttribute('aria-describedby')).toContain('review-comment-TARGET-error');
      expect(await summary.locator('a').count()).toBe(1);
      expect(await page.getByTestId('review-submit-confirm').count()).toBe(0);
      await expectAccessible(page, 'the scoring page with an error');

      await comment.fill('Het bereik van de doelgroep is te weinig uitgewerkt.');
      await page.locator('#review-comment-TARGET-error').waitFor({ state: 'detached' });
      await page.getByTestId('review-submit').click();
      // Final, so it asks first.
      await page.getByTestId('review-submit-confirm').click();
      await page.getByTestId('review-submitted').waitFor();
      expect(await page.getByTestId('review-status').getAttribute('data-status')).toBe('submitted');
      expect(await page.getByTestId('review-score-TARGET').isDisabled()).toBe(true);
      expect(await page.getByTestId('review-submit').count()).toBe(0);
      expect(await page.getByTestId('conflict-form').count()).toBe(0);

      const submitted = await readReview(assignments[0]);
      expect(submitted.status).toBe('submitted');
      expect(submitted.submittedAt).not.toBeNull();
      expect(
        [...submitted.scores]
          .sort((a, b) => a.criterionCode.localeCompare(b.criterionCode))
          .map((s) => [s.criterionCode, s.score, s.comment]),
      ).toEqual([
        ['BUDGET', 3, null],
        ['CONNECT', 4, null],
        ['FEASIBLE', 3.5, null],
        ['PARTNERS', 1, null],
        ['TARGET', 2.5, 'Het bereik van de doelgroep is te weinig uitgewerkt.'],
      ]);

      // Back on the list the assignment moved out of "to do".
      await page.getByRole('link', { name: 'Terug naar mijn toewijzingen' }).first().click();
      await page.getByTestId('assignments-submitted').waitFor();
      expect(
        await page
          .locator(`[data-testid="assignment-row"][data-assignment-id="${assignments[0]}"]`)
          .getAttribute('data-status'),
      ).toBe('submitted');
    } finally {
      await page.close();
    }
  });

  it('declares a conflict of interest with a reason; the assignment is withdrawn', async () => {
    const page = await app.browser.newPage();
    try {
      await logIn(page);
      await page.goto(`${app.baseUrl}/beoordeling/${assignments[1]}`);
      await page.getByTestId('conflict-reason').waitFor();

      await page.getByTestId('conflict-submit').click();
      expect(await page.getByTestId('conflict-reason').getAttribute('aria-invalid')).toBe('true');

      await page.getByTestId('conflict-reason').fill('Ik zetel in de raad van bestuur van de aanvrager.');
      await page.getByTestId('conflict-submit').click();
      await page.getByTestId('assignment-withdrawn').waitFor();
      expect(await page.getByTestId('review-scores-form').count()).toBe(0);

      const view = await readReview(assignments[1]);
      expect(view.status).toBe('conflict');
      expect(view.conflictReason).toBe('Ik zetel in de raad van bestuur van de aanvrager.');
    } finally {
      await page.close();
    }
  });
});
