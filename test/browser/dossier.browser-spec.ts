import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CallView, DossierView } from '@portal/contracts';
import { expectAccessible } from '../support/axe';
import { eventually, logInAs, useBrowserApp } from '../support/browser';
import { DEMO, session, type Session } from '../support/test-app';

const CALL_CODE = 'GV-CONNECT-DEMO';

/** A small but well-formed PDF (header, catalog, one empty page, cross-reference table, trailer). */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('an applicant drafts and submits a dossier through Chromium (real API serving the built web app)', () => {
  const app = useBrowserApp();
  let workDir: string;
  let pdfPath: string;
  let call: CallView;
  let applicant: Session;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'portal-browser-'));
    pdfPath = join(workDir, 'begroting.pdf');
    writeFileSync(pdfPath, minimalPdf());
    const calls = await app.api.http.get('/api/v1/calls').expect(200);
    call = (calls.body as CallView[]).find((candidate) => candidate.code === CALL_CODE)!;
    expect(call).toBeDefined();
    applicant = await session(app.api, DEMO.applicant);
  });

  afterAll(async () => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  const readDossier = async (id: string): Promise<DossierView> =>
    (await applicant.agent.get(`/api/v1/dossiers/${id}`).expect(200)).body as DossierView;

  const logIn = (page: Page) => logInAs(page, app.baseUrl, DEMO.applicant);

  /** Call list -> call page -> "Dossier starten / openen"; returns the dossier id from the URL. */
  async function openDossierFromCallList(page: Page): Promise<string> {
    await page.getByTestId('nav-calls').click();
    await page.getByTestId(`call-link-${CALL_CODE}`).click();
    await page.getByTestId('call-deadline').waitFor();
    await page.getByTestId('start-dossier').click();
    await page.waitForURL(/\/aanvrager\/dossiers\/[0-9a-f-]{36}$/);
    await page.getByTestId('dossier-title').waitFor();
    return new URL(page.url()).pathname.split('/').pop()!;
  }

  it('fills in every required field, uploads the budget, autosaves, submits once and shows the receipt', async () => {
    const page = await app.browser.newPage();
    try {
      await logIn(page);
      await page.getByTestId('nav-calls').click();
      await page.getByTestId(`call-link-${CALL_CODE}`).click();
      // The deadline is shown in Brussels time: the seed closes the demo call at 23:59:59 there.
      expect(await page.getByTestId('call-deadline').textContent()).toMatch(/23:59:59/);
      await expectAccessible(page, 'the call page');
      await page.getByTestId('start-dossier').click();
      await page.waitForURL(/\/aanvrager\/dossiers\/[0-9a-f-]{36}$/);
      const dossierId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByTestId('dossier-title').waitFor();
      await expectAccessible(page, 'an empty dossier');

      await page.getByTestId('dossier-title').fill('Zomer in de buurt');
      await page.getByTestId('dossier-summary').fill('Buurtactiviteiten voor kwetsbare jongeren tijdens de zomer.');
      await page
        .getByTestId('answer-TARGET_GROUP')
        .fill('Jongeren in maatschappelijk kwetsbare situaties uit drie wijken.');
      await page.getByTestId('answer-REACH').fill('120');
      await page.getByTestId('answer-DOMAIN').selectOption('Jeugd');
      await page.getByTestId('project-start').fill(call.projectStart);
      await page.getByTestId('project-end').fill(call.projectEnd);
      await page.getByTestId('add-budget-line').click();
      await page.getByTestId('budget-description-0').fill('Begeleiders');
      await page.getByTestId('budget-amount-0').fill('12.500,50');
      await page.getByTestId('add-budget-line').click();
      await page.getByTestId('budget-description-1').fill('Materiaal');
      await page.getByTestId('budget-amount-1').fill('2500');
      // The total follows the lines live, before anything is saved.
      expect(await page.getByTestId('budget-total').textContent()).toContain('15.000,50');
      await page.getByTestId('other-income').fill('1000');
      await page.getByTestId('own-contribution').fill('500');
      await page.getByTestId('requested-amount').fill('14.000,50');

      await page.getByTestId('attachment-input-BEGROTING').setInputFiles(pdfPath);
      const item = page.getByTestId('attachment-item-BEGROTING');
      await item.waitFor();
      expect(await item.textContent()).toContain('begroting.pdf');

      await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('autosave-status').textContent()).toMatch(/^Bewaard om \d{2}:\d{2}:\d{2}$/);
      await expectAccessible(page, 'a completed dossier with its attachment');
      // What the typed euros became on the server: exact cents.
      const saved = await eventually(
        () => readDossier(dossierId),
        (dossier) => dossier.requestedCents === 1_400_050,
      );
      expect(saved.budgetLines).toEqual([
        { description: 'Begeleiders', amountCents: 1_250_050 },
        { description: 'Materiaal', amountCents: 250_000 },
      ]);
      expect(saved.otherIncomeCents).toBe(100_000);
      expect(saved.ownContributionCents).toBe(50_000);
      expect(saved.answers).toEqual({
        TARGET_GROUP: 'Jongeren in maatschappelijk kwetsbare situaties uit drie wijken.',
        REACH: 120,
        DOMAIN: 'Jeugd',
      });

      const submitKeys: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith(`/dossiers/${dossierId}/submit`)) {
          submitKeys.push(request.headers()['idempotency-key'] ?? '');
        }
      });
      // "Controleren en indienen" saves and shows the check step; nothing is submitted yet.
      await page.getByTestId('submit-dossier').click();
      await page.waitForURL(/\/controleren$/);
      await page.getByTestId('declaration-checkbox').check();
      // A double click is one submission attempt: one Idempotency-Key.
      await page.getByTestId('check-submit').dblclick();
      await page.waitForURL(/\/ontvangstbewijs$/);

      const reference = (await page.getByTestId('receipt-reference').textContent())?.trim();
      expect(reference).toMatch(/^GV-CONNECT-DEMO-\d{4}$/);
      expect(await page.getByTestId('receipt-submitted-at').textContent()).toMatch(/\d{1,2}:\d{2}:\d{2}/);
      // The receipt's words are the mail's: "Dossiernummer" and a short "Controlegetal", never a SHA-256 to read.
      expect((await page.getByTestId('receipt-hash').textContent())?.trim()).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
      const receiptText = (await page.locator('main').textContent()) ?? '';
      expect(receiptText).toContain('Dossiernummer');
      expect(receiptText).toContain('Controlegetal');
      expect(receiptText).not.toMatch(/SHA-256|Vingerafdruk|Referentie|[0-9a-f]{64}/);
      await expectAccessible(page, 'the receipt');
      expect(submitKeys.length).toBeGreaterThanOrEqual(1);
      expect(new Set(submitKeys).size).toBe(1);
      expect(submitKeys[0]).toMatch(/^[0-9a-f-]{36}$/);

      const mine = await applicant.agent.get('/api/v1/dossiers/mine').expect(200);
      const submitted = (mine.body as Array<{ id: string; status: string; reference: string }>).filter(
        (dossier) => dossier.status === 'submitted',
      );
      expect(submitted).toEqual([expect.objectContaining({ id: dossierId, reference })]);
      const rows = await app.api.dataSource.query<Array<{ id: string; attachments: number; submissions: number }>>(
        `SELECT d.id,
                (SELECT count(*) FROM attachments a WHERE a.dossier_id = d.id AND a.removed_at IS NULL)::int AS attachments,
                (SELECT count(*) FROM dossier_submissions s WHERE s.dossier_id = d.id)::int AS submissions
           FROM dossiers d WHERE d.status = 'submitted'`,
      );
      expect(rows).toEqual([{ id: dossierId, attachments: 1, submissions: 1 }]);
    } finally {
      await page.close();
    }
  });

  it('shows the cap error next to the requested amount at once, and still saves the draft with it', async () => {
    const page = await app.browser.newPage();
    const patchBodies: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH' && /\/api\/v1\/dossiers\//.test(request.url())) {
        patchBodies.push(request.postData() ?? '');
      }
    });
    try {
      await logIn(page);
      const dossierId = await openDossierFromCallList(page);
      const requested = page.getByTestId('requested-amount');
      await requested.fill('100.000,01');

      const error = page.locator('#dossier-field-requested-error');
      await error.waitFor({ timeout: 1000 }); // well inside the autosave delay: no server round trip involved
      expect(patchBodies).toEqual([]);
      // Intl puts a no-break space between the euro sign and the amount.
      expect(await error.textContent()).toMatch(/hoger dan het maximum van €\s100\.000,00/);
      expect(await requested.getAttribute('aria-invalid')).toBe('true');
      expect((await requested.getAttribute('aria-describedby'))?.split(' ')).toContain('dossier-field-requested-error');
      await expectAccessible(page, 'a dossier with a field error');

      // Drafts always save (ADR 0018): the amount above the cap is stored, and the server lists it as an issue.
      await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor({ timeout: 5000 });
      expect(patchBodies.some((body) => body.includes('"requestedCents":10000001'))).toBe(true);
      const stored = await readDossier(dossierId);
      expect(stored.requestedCents).toBe(10_000_001);
      expect(stored.issues).toContainEqual(
        expect.objectContaining({ field: 'requestedCents', code: 'AMOUNT_ABOVE_CAP' }),
      );

      // Back under the cap: the cap message goes away.
      await requested.fill('1.000');
      await page
        .locator('#dossier-field-requested-error', { hasText: 'maximum van' })
        .waitFor({ state: 'detached', timeout: 5000 });
    } finally {
      await page.close();
    }
  });

  it('does not overwrite a version saved elsewhere: it shows the conflict and loads the current version', async () => {
    const page = await app.browser.newPage();
    try {
      await logIn(page);
      const dossierId = await openDossierFromCallList(page);
      // A colleague saves the same dossier in the meantime.
      const before = await readDossier(dossierId);
      await applicant.agent
        .patch(`/api/v1/dossiers/${dossierId}`)
        .set('x-csrf-token', applicant.csrf)
        .set('If-Match', String(before.version))
        .send({ title: 'Titel van een collega' })
        .expect(200);

      await page.getByTestId('dossier-summary').fill('Mijn eigen samenvatting.');
      await page.getByTestId('version-conflict').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('autosave-status').getAttribute('data-state')).toBe('conflict');
      await expectAccessible(page, 'a dossier with a version conflict');
      expect((await readDossier(dossierId)).summary).not.toBe('Mijn eigen samenvatting.');

      await page.getByTestId('load-current-version').click();
      expect(await page.getByTestId('dossier-title').inputValue()).toBe('Titel van een collega');
      await page.getByTestId('dossier-summary').fill('Samenvatting na het laden.');
      await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor({ timeout: 10_000 });
      const after = await eventually(
        () => readDossier(dossierId),
        (dossier) => dossier.summary === 'Samenvatting na het laden.',
      );
      expect(after.title).toBe('Titel van een collega');
    } finally {
      await page.close();
    }
  });
});
