/**
 * The assessment pages at the scale of the Connecteren call (issue #17 point 5): the administration's assessment
 * page of a call with 300 submitted dossiers (each scored by 3 of 12 reviewers), and a reviewer's "my reviews" with
 * 75 assignments. Seeds the call of test/support/scale-fixture.ts, takes it through the API to the state in which
 * the assessment page is busiest (all admissible, 900 assignments, reviews in, no proposal yet), and opens the pages
 * in Chromium from fresh browser contexts. Used by test/bench/web-size.ts.
 */
import type { Browser } from 'playwright-core';
import { eachLimited, seedScaleCall, CRITERIA, PER_DOSSIER, type ScaleFixture } from '../../support/scale-fixture';
import { stateNoConflict } from '../../support/lifecycle';
import { DEMO, DEMO_PASSWORD } from '../../support/test-app';
import { percentile, sortedCopy, table } from './bench-run';

/** Of the demo reviewer's 75 assignments this many stay to do, so "my reviews" shows both groups. */
const LEFT_OPEN = 25;

export interface ScaleCall {
  fixture: ScaleFixture;
  callId: string;
}

/** The scale call after admissibility (one bulk decision), automatic assignment and the reviews. */
export async function seedAssessedScaleCall(overrides: Record<string, string>): Promise<ScaleCall> {
  const started = Date.now();
  const fixture = await seedScaleCall(overrides);
  const { admin, reviewers, callId, bySeq, seqOf } = fixture;
  await admin.agent
    .post(`/api/v1/calls/${callId}/admissibility`)
    .send({ decision: 'admissible', motivation: 'Tijdig, volledig en de aanvrager komt in aanmerking.' })
    .expect(200);
  const assigned = (
    await admin.agent.post(`/api/v1/calls/${callId}/assignments`).send({ perDossier: PER_DOSSIER }).expect(200)
  ).body as Array<{ id: string; dossierId: string; reviewerId: string }>;
  const slotOf = new Map<string, number>();
  const perDossier = new Map<string, string[]>();
  for (const a of assigned) perDossier.set(a.dossierId, [...(perDossier.get(a.dossierId) ?? []), a.id]);
  for (const list of perDossier.values()) list.sort().forEach((id, slot) => slotOf.set(id, slot));
  const dossierOf = new Map(assigned.map((a) => [a.id, a.dossierId]));

  // The fixture's reviewer sessions are in the order of their e-mail addresses.
  const emails = (
    await fixture.api.dataSource.query<Array<{ email: string }>>(
      `SELECT email FROM users WHERE 'reviewer' = ANY(roles) ORDER BY email`,
    )
  ).map((row) => row.email);
  const jobs: Array<{ reviewer: (typeof reviewers)[number]; assignmentId: string }> = [];
  for (const [index, reviewer] of reviewers.entries()) {
    const mine = (await reviewer.agent.get('/api/v1/assignments/mine').expect(200)).body as Array<{ id: string }>;
    const open = emails[index] === DEMO.reviewer ? LEFT_OPEN : 0;
    for (const a of mine.slice(open)) jobs.push({ reviewer, assignmentId: a.id });
  }
  await eachLimited(jobs, 6, async ({ reviewer, assignmentId }) => {
    const vector = bySeq.get(seqOf.get(dossierOf.get(assignmentId)!)!)!.reviews[slotOf.get(assignmentId)!];
    const scores = CRITERIA.map((c, k) => ({
      criterionCode: c.code,
      score: vector[k],
      comment: vector[k] < c.threshold ? `Onder de drempel (${vector[k]}): te weinig uitgewerkt.` : null,
    }));
    await stateNoConflict(reviewer, assignmentId);
    await reviewer.agent.put(`/api/v1/assignments/${assignmentId}/scores`).send({ scores, submit: true }).expect(200);
  });
  console.log(
    `seed        scale call: ${seqOf.size} dossiers, ${assigned.length} assignments, ${jobs.length} reviews ` +
      `submitted (${LEFT_OPEN} of ${DEMO.reviewer} left to do) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return { fixture, callId };
}

/** What the page holds when it counts as usable; evaluated in the page at every animation frame. */
interface Readiness {
  /** CSS selectors that must each match at least one element. */
  present: string[];
}

interface ApiRequest {
  path: string;
  startMs: number;
  endMs: number;
  bytes: number;
}

interface PageTiming {
  /** Navigation start until the heading and the first rows of every section are shown and no spinner is left. */
  usableMs: number;
  /** Navigation start until the last API answer of the page arrived (the network is idle afterwards). */
  loadedMs: number;
  /** Elements in the document once everything has loaded. */
  domNodes: number;
  api: ApiRequest[];
}

function readyAt(readiness: Readiness): number {
  const doc = (
    globalThis as unknown as {
      document: { querySelector(selector: string): unknown };
    }
  ).document;
  if (doc.querySelector('.loading')) return 0;
  return readiness.present.every((selector) => doc.querySelector(selector)) ? performance.now() : 0;
}

function pageFacts(): { domNodes: number; api: ApiRequest[] } {
  const doc = (globalThis as unknown as { document: { getElementsByTagName(name: string): { length: number } } })
    .document;
  const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => new URL(entry.name).pathname.startsWith('/api/'))
    .map((entry) => ({
      path: new URL(entry.name).pathname + new URL(entry.name).search,
      startMs: entry.startTime,
      endMs: entry.responseEnd,
      bytes: entry.encodedBodySize,
    }));
  return { domNodes: doc.getElementsByTagName('*').length, api };
}

async function storageStateOf(browser: Browser, baseUrl: string, email: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('role-home').waitFor();
  const state = JSON.stringify(await context.storageState());
  await context.close();
  return state;
}

async function openPage(browser: Browser, url: string, storageState: string, readiness: Readiness) {
  const context = await browser.newContext({ storageState: JSON.parse(storageState) as never });
  const page = await context.newPage();
  try {
    await page.goto(url);
    const ready = await page.waitForFunction(readyAt, readiness, { timeout: 120_000, polling: 'raf' });
    const usableMs = await ready.jsonValue();
    await page.waitForLoadState('networkidle');
    const facts = await page.evaluate(pageFacts);
    const loadedMs = Math.max(usableMs, ...facts.api.map((request) => request.endMs));
    return { usableMs, loadedMs, ...facts } satisfies PageTiming;
  } finally {
    await context.close();
  }
}

const SECTIONS = ['ontvankelijkheid', 'toewijzing', 'scores', 'rangschikking'];

const ms = (value: number) => `${value.toFixed(0)} ms`;

function report(label: string, timings: PageTiming[]): void {
  const usable = sortedCopy(timings.map((t) => t.usableMs));
  const loaded = sortedCopy(timings.map((t) => t.loadedMs));
  const median = [...timings].sort((a, b) => a.loadedMs - b.loadedMs)[Math.floor(timings.length / 2)];
  const rows = [['API request of the median load', 'start', 'end', 'took', 'bytes']];
  for (const r of [...median.api].sort((a, b) => a.startMs - b.startMs)) {
    rows.push([
      r.path.replace(/[0-9a-f-]{36}/g, ':id'),
      ms(r.startMs),
      ms(r.endMs),
      ms(r.endMs - r.startMs),
      `${r.bytes}`,
    ]);
  }
  console.log(`\n${label}\n${table(rows)}`);
  console.log(
    `usable      ${ms(percentile(usable, 50))} median (min ${ms(usable[0])}, max ${ms(usable[usable.length - 1])})\n` +
      `loaded      ${ms(percentile(loaded, 50))} median (min ${ms(loaded[0])}, max ${ms(loaded[loaded.length - 1])})\n` +
      `requests    ${median.api.length} API requests, ${median.api.reduce((s, r) => s + r.bytes, 0)} bytes; ` +
      `${median.domNodes} elements in the document`,
  );
}

/** Opens the assessment page as the demo admin and "my reviews" as the demo reviewer, `runs` cold loads each. */
export async function measureAssessmentPages(
  browser: Browser,
  baseUrl: string,
  scale: ScaleCall,
  runs: number,
): Promise<void> {
  const admin = await storageStateOf(browser, baseUrl, DEMO.admin);
  const reviewer = await storageStateOf(browser, baseUrl, DEMO.reviewer);
  const assessment: Readiness = {
    present: [
      '[data-testid="assessment-title"]',
      ...SECTIONS.map((s) => `section[aria-labelledby="${s}"] tbody tr`),
      'section[aria-labelledby="voorstel"] > :not(h2)',
    ],
  };
  const mine: Readiness = { present: ['[data-testid="role-home"]', '[data-testid="assignment-row"]'] };
  const measure = async (url: string, state: string, readiness: Readiness) => {
    const timings: PageTiming[] = [];
    for (let run = 0; run < runs + 1; run++) timings.push(await openPage(browser, url, state, readiness));
    return timings.slice(1); // the first load warms the API and its database
  };
  report(
    `assessment page /administratie/oproepen/:id/beoordeling, 300 dossiers, ${runs} cold loads ` +
      '(usable: heading and first rows of admissibility, assignments, scores and ranking, proposal section, no spinner)',
    await measure(`${baseUrl}/administratie/oproepen/${scale.callId}/beoordeling`, admin, assessment),
  );
  report(
    `my reviews /beoordeling, 75 assignments of ${DEMO.reviewer}, ${runs} cold loads (usable: heading and first row)`,
    await measure(`${baseUrl}/beoordeling`, reviewer, mine),
  );
}
