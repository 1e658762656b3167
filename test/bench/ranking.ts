/**
 * Ranking at scale: 100,000 dossiers x 5 criteria x 3 reviewers. Times the consensus (mean of the reviewers to the
 * half point, as the API computes it when the admin set none), rankDossiers and selectionProposal, and the peak
 * memory of the process. No database: these are the pure functions the API calls. See docs/benchmarks.md.
 *
 *   node -r ./test/bench/support/register.cjs test/bench/ranking.ts [--dossiers 100000] [--reviewers 3] [--runs 5]
 */
import {
  rankDossiers,
  selectionProposal,
  type RankingCriterion,
  type RankingDossier,
  type RankingTieBreakStep,
  type SelectionDossier,
  type SelectionInput,
  meanToHalfPoint,
} from '@portal/domain';
import { performance } from 'node:perf_hooks';
import { flag, intFlag, mib, percentile, printHeader, printLoad, sortedCopy, table } from './support/bench-run';

const DOSSIERS = intFlag('dossiers', 100_000);
const REVIEWERS = intFlag('reviewers', 3);
const RUNS = intFlag('runs', 5);
const MARGIN = flag('margin', 'skip') === 'partial' ? 'partial' : 'skip';

/** The 2020 call "Connecteren": five criteria on a 0-5 scale, weights 3-3-2-1-1. */
const CRITERIA: RankingCriterion[] = [
  { code: 'TARGET', scaleMin: 0, scaleMax: 5, weight: 3, threshold: 3 },
  { code: 'CONNECT', scaleMin: 0, scaleMax: 5, weight: 3, threshold: 3 },
  { code: 'FEASIBLE', scaleMin: 0, scaleMax: 5, weight: 2, threshold: 2.5 },
  { code: 'PARTNERS', scaleMin: 0, scaleMax: 5, weight: 1, threshold: 0 },
  { code: 'BUDGET', scaleMin: 0, scaleMax: 5, weight: 1, threshold: 2 },
];
const TIE_BREAK: RankingTieBreakStep[] = ['criteria-in-order', 'earlier-submission'];
const ENVELOPES = ['ANTWERPEN', 'OOST-VLAANDEREN', 'WEST-VLAANDEREN', 'VLAAMS-BRABANT', 'LIMBURG'];

/** A small deterministic generator (mulberry32), so every run ranks the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Scored {
  dossierId: string;
  reference: string;
  submittedAt: string;
  requestedCents: number;
  /** Per reviewer, per criterion code; a reviewer may have left a criterion open. */
  reviews: Array<Record<string, number>>;
}

/** Dossiers as they come from the database: many ties on total (half points), some missing scores, a deadline rush. */
function generate(count: number): Scored[] {
  const next = random(2020);
  const deadline = Date.parse('2020-05-22T21:59:59.000Z');
  const dossiers = new Array<Scored>(count);
  for (let i = 0; i < count; i++) {
    const reviews: Array<Record<string, number>> = [];
    const quality = next() * 5;
    for (let r = 0; r < REVIEWERS; r++) {
      const review: Record<string, number> = {};
      for (const criterion of CRITERIA) {
        if (next() < 0.002) continue; // left open: the dossier ranks as incomplete
        review[criterion.code] = Math.min(5, Math.max(0, Math.round((quality + (next() - 0.5) * 2) * 2) / 2));
      }
      reviews.push(review);
    }
    // Most submissions in the last hours, some in the same millisecond (microseconds decide).
    const moment = new Date(deadline - Math.floor(next() * next() * 6 * 3_600_000)).toISOString();
    dossiers[i] = {
      dossierId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      reference: `GV-CONNECT-2020-${String(i + 1).padStart(6, '0')}`,
      submittedAt: `${moment.slice(0, 23)}${String(Math.floor(next() * 1000)).padStart(3, '0')}Z`,
      requestedCents: (5_000 + Math.floor(next() * 95_000)) * 100,
      reviews,
    };
  }
  return dossiers;
}

/** What ReviewsService.scores does when no consensus was set: per criterion, the reviewers' mean to the half point. */
function consensus(dossiers: Scored[]): RankingDossier[] {
  return dossiers.map((dossier) => {
    const scores: Record<string, number> = {};
    for (const criterion of CRITERIA) {
      const given: number[] = [];
      for (const review of dossier.reviews) {
        const value = review[criterion.code];
        if (value !== undefined) given.push(value);
      }
      if (given.length === REVIEWERS) scores[criterion.code] = meanToHalfPoint(given);
    }
    return {
      dossierId: dossier.dossierId,
      reference: dossier.reference,
      submittedAt: dossier.submittedAt,
      requestedCents: dossier.requestedCents,
      scores,
    };
  });
}

function selectionInput(ranked: ReturnType<typeof rankDossiers>, withEnvelopes: boolean): SelectionInput {
  // As DecisionService.propose builds it: every ranked dossier, a few adjusted amounts and motivated overrides.
  const dossiers: SelectionDossier[] = ranked.map((r, index) => ({
    dossierId: r.dossierId,
    rank: r.rank,
    complete: r.complete,
    sufficient: r.sufficient,
    requestedCents: r.requestedCents,
    adjustedCents: index % 97 === 0 ? Math.floor(r.requestedCents / 2) : null,
    envelope: withEnvelopes ? ENVELOPES[index % ENVELOPES.length] : null,
  }));
  const budgetCents = Math.floor(ranked.length / 5) * 5_000_000; // funds roughly one dossier in five
  const sufficient = ranked.filter((r) => r.sufficient);
  return {
    dossiers,
    budgetCents,
    marginRule: MARGIN,
    envelopes: withEnvelopes
      ? ENVELOPES.map((code) => ({ code, budgetCents: Math.floor(budgetCents / ENVELOPES.length) }))
      : undefined,
    reserveSize: 50,
    overrides: [
      {
        dossierId: sufficient[sufficient.length - 1].dossierId,
        decision: 'select',
        motivation: 'Enige aanvrager in de gemeente',
      },
      { dossierId: ranked[0].dossierId, decision: 'exclude', motivation: 'Dubbele financiering' },
    ],
  };
}

interface Timings {
  consensus: number;
  rank: number;
  select: number;
  selectEnvelopes: number;
}

function once(dossiers: Scored[]): { timings: Timings; summary: string } {
  let started = performance.now();
  const input = consensus(dossiers);
  const consensusMs = performance.now() - started;
  started = performance.now();
  const ranked = rankDossiers(CRITERIA, TIE_BREAK, input);
  const rankMs = performance.now() - started;
  const plain = selectionInput(ranked, false);
  started = performance.now();
  const proposal = selectionProposal(plain);
  const selectMs = performance.now() - started;
  const withEnvelopes = selectionInput(ranked, true);
  started = performance.now();
  const byEnvelope = selectionProposal(withEnvelopes);
  const selectEnvelopesMs = performance.now() - started;
  const selected = proposal.lines.filter((line) => line.outcome === 'selected').length;
  const incomplete = ranked.filter((r) => !r.complete).length;
  const insufficient = ranked.filter((r) => r.complete && !r.sufficient).length;
  const tied = ranked.filter((r) => r.tieBrokenBy !== null).length;
  return {
    timings: { consensus: consensusMs, rank: rankMs, select: selectMs, selectEnvelopes: selectEnvelopesMs },
    summary:
      `${ranked.length} ranked (${incomplete} incomplete, ${insufficient} insufficient, ${tied} placed by a tie-break); ` +
      `${selected} selected for ${(proposal.grantedCents / 100).toLocaleString('nl-BE')} EUR; ` +
      `with ${ENVELOPES.length} envelopes ${byEnvelope.lines.filter((line) => line.outcome === 'selected').length} selected`,
  };
}

function main(): void {
  printHeader(`ranking at scale: ${DOSSIERS} dossiers x ${CRITERIA.length} criteria x ${REVIEWERS} reviewers`);
  const baseline = process.memoryUsage();
  const started = performance.now();
  const dossiers = generate(DOSSIERS);
  const generateMs = performance.now() - started;
  const afterInput = process.memoryUsage();
  console.log(
    `input       ${DOSSIERS} dossiers x ${CRITERIA.length} criteria x ${REVIEWERS} reviewers, generated in ` +
      `${generateMs.toFixed(0)} ms (not timed below); heap ${mib(afterInput.heapUsed)}, RSS ${mib(afterInput.rss)} ` +
      `(before: heap ${mib(baseline.heapUsed)}, RSS ${mib(baseline.rss)})`,
  );

  const runs: Timings[] = [];
  let summary = '';
  let peakHeap = 0;
  for (let run = 0; run < RUNS; run++) {
    const result = once(dossiers);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    runs.push(result.timings);
    summary = result.summary;
    const t = result.timings;
    console.log(
      `run ${run + 1}${run === 0 ? ' (cold)' : '       '}  consensus ${t.consensus.toFixed(0)} ms, rankDossiers ` +
        `${t.rank.toFixed(0)} ms, selectionProposal ${t.select.toFixed(0)} ms (with envelopes ` +
        `${t.selectEnvelopes.toFixed(0)} ms); ranking + selection ${(t.rank + t.select).toFixed(0)} ms`,
    );
  }
  console.log(`result      ${summary}`);
  const median = (pick: (t: Timings) => number) => percentile(sortedCopy(runs.map(pick)), 50);
  const cold = runs[0];
  const rows = [
    ['step', 'cold (ms)', `median of ${RUNS} (ms)`],
    ['consensus (3 reviewers)', cold.consensus.toFixed(0), median((t) => t.consensus).toFixed(0)],
    ['rankDossiers', cold.rank.toFixed(0), median((t) => t.rank).toFixed(0)],
    ['selectionProposal', cold.select.toFixed(0), median((t) => t.select).toFixed(0)],
    ['selectionProposal, envelopes', cold.selectEnvelopes.toFixed(0), median((t) => t.selectEnvelopes).toFixed(0)],
    [
      'rankDossiers + selectionProposal',
      (cold.rank + cold.select).toFixed(0),
      median((t) => t.rank + t.select).toFixed(0),
    ],
    [
      'consensus + ranking + selection',
      (cold.consensus + cold.rank + cold.select).toFixed(0),
      median((t) => t.consensus + t.rank + t.select).toFixed(0),
    ],
  ];
  console.log(`\n${table(rows)}`);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `\npeak memory: maxRSS ${mib(maxRss)} for the whole process (Node, the input, every run); ` +
      `heap after a run ${mib(peakHeap)}`,
  );
  // The target is about the functions of libs/domain (rankDossiers, selectionProposal); the consensus is the API's.
  const total = cold.rank + cold.select;
  console.log(
    `targets: rankDossiers + selectionProposal < 2 s ${total < 2000 ? 'met' : 'NOT met'} (cold ${total.toFixed(0)} ms, ` +
      `median ${median((t) => t.rank + t.select).toFixed(0)} ms), < 1 GiB ${maxRss < 2 ** 30 ? 'met' : 'NOT met'} (${mib(maxRss)})`,
  );
  printLoad('load avg');
}

main();
