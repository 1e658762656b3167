import type { AssignmentView, ReviewPanelView, ReviewView } from '@portal/contracts';
import { expectAccessible } from '../support/axe';
import { eventually, logInAs, screenshotPath, useBrowserApp } from '../support/browser';
import { closeCallOnTime, createUser } from '../support/factories';
import { callWithSubmittedDossiers } from '../support/lifecycle';
import { DEMO, session, type Session } from '../support/test-app';

/** 0123456789 as the reviewer list shows it: 0123.456.789. */
function kbo(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

describe('review panels through Chromium: the admin composes a panel, a reviewer answers the conflict question first', () => {
  const app = useBrowserApp();
  let admin: Session;
  let callId: string;
  let reviewerEmail: string;
  let reviewerId: string;
  let otherId: string;

  beforeAll(async () => {
    admin = await session(app.api, DEMO.admin);
    const built = await callWithSubmittedDossiers(app.api, [40_000, 60_000], 20_000_000);
    callId = built.callId;
    await closeCallOnTime(app.api, callId);
    for (const dossier of built.dossiers) {
      await admin.agent
        .post(`/api/v1/dossiers/${dossier.id}/admissibility`)
        .send({ decision: 'admissible', motivation: 'Voldoet aan alle voorwaarden.' })
        .expect(200);
    }
    reviewerEmail = await createUser(app.api, ['reviewer']);
    const otherEmail = await createUser(app.api, ['reviewer']);
    const people: Array<[string, string]> = [
      [reviewerEmail, 'Rita Panellid'],
      [otherEmail, 'Omar Buitenpanel'],
    ];
    for (const [email, name] of people) {
      await app.api.dataSource.query('UPDATE users SET display_name = $2 WHERE email = $1', [email, name]);
    }
    const ids = await app.api.dataSource.query<Array<{ id: string; email: string }>>(
      'SELECT id, email FROM users WHERE email = ANY($1)',
      [[reviewerEmail, otherEmail]],
    );
    reviewerId = ids.find((u) => u.email === reviewerEmail)!.id;
    otherId = ids.find((u) => u.email === otherEmail)!.id;
  });

  it('the admin sets k and the due date, adds a staff reviewer and invites an external expert (in Dutch)', async () => {
    const page = await app.browser.newPage();
    try {
      await logInAs(page, app.baseUrl, DEMO.admin);
      await page.goto(`${app.baseUrl}/administratie/oproepen/${callId}/panel`);
      await page.getByTestId('panel-not-configured').waitFor();
      expect(await page.getByTestId('panel-title').textContent()).toMatch(/^Beoordelingspanel: /);

      await page.getByTestId('panel-per-dossier').fill('1');
      await page.getByTestId('panel-due-at').fill('2031-06-15T17:00');
      await page.getByTestId('panel-settings-save').click();
      await page.getByTestId('panel-settings-message').waitFor();
      expect(await page.getByTestId('panel-settings-message').textContent()).toContain('bewaard');

      await page.getByTestId('panel-candidate').selectOption(reviewerId);
      await page.getByTestId('panel-add').click();
      await page.locator(`[data-testid="panel-member-row"][data-email="${reviewerEmail}"]`).waitFor();
      // Once on the panel, no longer offered.
      expect(await page.locator(`[data-testid="panel-candidate"] option[value="${reviewerId}"]`).count()).toBe(0);
      expect(await page.locator(`[data-testid="panel-candidate"] option[value="${otherId}"]`).count()).toBe(1);

      await page.getByTestId('panel-expert-email').fill('expert.panel@example.org');
      await page.getByTestId('panel-expert-submit').click();
      await page.getByTestId('panel-expert-success').waitFor();
      await page.locator('[data-testid="panel-invitation-row"][data-email="expert.panel@example.org"]').waitFor();
      await expectAccessible(page, 'the review panel page');
      await page.screenshot({ path: screenshotPath('reviewer-panels-admin'), fullPage: true });

      const panel = (await admin.agent.get(`/api/v1/calls/${callId}/panel`).expect(200)).body as ReviewPanelView;
      expect(panel).toMatchObject({ configured: true, perDossier: 1, dueAt: '2031-06-15T15:00:00.000Z' });
      expect(panel.members.map((m) => m.userId)).toEqual([reviewerId]);
      expect(panel.invitations.map((i) => i.email)).toEqual(['expert.panel@example.org']);
    } finally {
      await page.close();
    }
  });

  it('the reviewer sees applicant, enterprise number, call and due date, and must answer the conflict question before scoring', async () => {
    // Automatic assignment from the assessment page, with the panel's k: both dossiers to its one member.
    const adminPage = await app.browser.newPage();
    try {
      await logInAs(adminPage, app.baseUrl, DEMO.admin);
      await adminPage.goto(`${app.baseUrl}/administratie/oproepen/${callId}/beoordeling`);
      await adminPage.getByTestId('panel-link').waitFor();
      await eventually(
        () => adminPage.getByTestId('per-dossier').inputValue(),
        (value) => value === '1',
      );
      await adminPage.getByTestId('assign-auto').click();
      await adminPage.getByTestId('assign-message').waitFor();
    } finally {
      await adminPage.close();
    }
    const assigned = (await admin.agent.get(`/api/v1/calls/${callId}/assignments`).expect(200))
      .body as AssignmentView[];
    expect(assigned.map((a) => a.reviewerId)).toEqual([reviewerId, reviewerId]);
    const [first] = assigned;

    const page = await app.browser.newPage();
    try {
      await logInAs(page, app.baseUrl, reviewerEmail);
      await page.waitForURL('**/beoordeling');
      const row = page.locator(`[data-testid="assignment-row"][data-assignment-id="${first.id}"]`);
      await row.waitFor();
      expect(await row.getByTestId('applicant-name').textContent()).toBe(first.applicant.legalName);
      expect(await row.getByTestId('applicant-enterprise-number').textContent()).toBe(
        `Ondernemingsnummer ${kbo(first.applicant.enterpriseNumber!)}`,
      );
      expect(await row.getByTestId('assignment-title').textContent()).toBe(first.dossierTitle);
      expect(await row.textContent()).toContain(first.callTitle);
      expect(await row.getByTestId('assignment-due').textContent()).toContain('15/06/2031');
      await expectAccessible(page, 'the reviewer list with applicants');
      await page.screenshot({ path: screenshotPath('reviewer-panels-list'), fullPage: true });

      await page.getByTestId(`assignment-link-${first.id}`).click();
      await page.getByTestId('conflict-question').waitFor();
      expect(await page.getByTestId('conflict-question').textContent()).toContain(first.applicant.legalName);
      expect(await page.getByTestId('review-applicant').textContent()).toContain(first.applicant.legalName);
      // No scoring form before the answer.
      expect(await page.getByTestId('review-scores-form').count()).toBe(0);
      await page.getByTestId('score-form-locked').waitFor();
      await expectAccessible(page, 'the conflict question');
      await page.screenshot({ path: screenshotPath('reviewer-panels-question'), fullPage: true });

      await page.getByTestId('no-conflict-submit').click();
      await page.getByTestId('review-scores-form').waitFor();
      expect(await page.getByTestId('conflict-question').count()).toBe(0);
      // A conflict can still be declared afterwards.
      await page.getByTestId('conflict-form').waitFor();
      // The dossier is long: one link jumps to the scoring form.
      await page.getByTestId('jump-to-scores').click();
      await page.waitForURL(/#score-form-title$/);
      const heading = (await page.locator('#score-form-title').boundingBox())!;
      expect(heading.y).toBeGreaterThanOrEqual(0);
      expect(heading.y).toBeLessThan(page.viewportSize()!.height);
      await page.screenshot({ path: screenshotPath('reviewer-panels-scoring'), fullPage: true });

      const reviewer = await session(app.api, reviewerEmail);
      const view = (await reviewer.agent.get(`/api/v1/assignments/${first.id}`).expect(200)).body as ReviewView;
      expect(view.noConflictStatedAt).not.toBeNull();
    } finally {
      await page.close();
    }
  });
});
