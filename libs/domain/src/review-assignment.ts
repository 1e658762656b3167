/**
 * Who reviews which dossier (ADR 0013): k reviewers per dossier from a pool (the call's panel, or every staff
 * reviewer), fewest open assignments first, never a conflicted one. Pure: the service locks the call, reads the pool,
 * the existing assignments and the conflicts, and persists the plan.
 */

export interface ExistingAssignment {
  dossierId: string;
  reviewerId: string;
  status: 'assigned' | 'conflict' | 'submitted';
}

export interface AssignmentPlanInput {
  /** The admissible dossiers, in the order they are served. */
  dossierIds: readonly string[];
  /** Who may review: ids of active reviewers. */
  pool: readonly string[];
  perDossier: number;
  existing: readonly ExistingAssignment[];
  /** True when the reviewer must not review the dossier (e.g. they act for its applicant). */
  conflicted: (dossierId: string, reviewerId: string) => boolean;
}

export type AssignmentPlan =
  | { ok: true; assignments: Array<{ dossierId: string; reviewerId: string }> }
  /** The pool cannot give this dossier `needed` reviewers: only `available` are possible. */
  | { ok: false; dossierId: string; needed: number; available: number };

/** Open assignments per reviewer of the pool (reviewers outside the pool are not candidates). */
export function openLoad(pool: readonly string[], existing: readonly ExistingAssignment[]): Map<string, number> {
  const load = new Map(pool.map((id) => [id, 0]));
  for (const a of existing)
    if (a.status === 'assigned' && load.has(a.reviewerId)) load.set(a.reviewerId, load.get(a.reviewerId)! + 1);
  return load;
}

/** The reviewer with the fewest open assignments, ties by id (reproducible); null when everyone is excluded. */
export function leastLoaded(load: ReadonlyMap<string, number>, exclude: ReadonlySet<string>): string | null {
  let best: string | null = null;
  for (const [id, count] of [...load.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (exclude.has(id)) continue;
    if (best === null || count < load.get(best)!) best = id;
  }
  return best;
}

/** Who may not (or no longer) take the dossier: anyone already on it, whatever the status, and the conflicted. */
export function excludedFor(
  dossierId: string,
  pool: readonly string[],
  existing: readonly ExistingAssignment[],
  conflicted: AssignmentPlanInput['conflicted'],
): Set<string> {
  return new Set([
    ...existing.filter((a) => a.dossierId === dossierId).map((a) => a.reviewerId),
    ...pool.filter((id) => conflicted(dossierId, id)),
  ]);
}

/**
 * Tops every dossier up to `perDossier` reviewers not in conflict (a declared conflict does not count), all or
 * nothing: the first dossier that cannot be served makes the plan fail with what it needed and what was possible.
 */
export function planAssignments(input: AssignmentPlanInput): AssignmentPlan {
  const load = openLoad(input.pool, input.existing);
  const assignments: Array<{ dossierId: string; reviewerId: string }> = [];
  for (const dossierId of input.dossierIds) {
    const exclude = excludedFor(dossierId, input.pool, input.existing, input.conflicted);
    let active = input.existing.filter((a) => a.dossierId === dossierId && a.status !== 'conflict').length;
    const possible = active + input.pool.filter((id) => !exclude.has(id)).length;
    while (active < input.perDossier) {
      const candidate = leastLoaded(load, exclude);
      if (!candidate) return { ok: false, dossierId, needed: input.perDossier, available: possible };
      assignments.push({ dossierId, reviewerId: candidate });
      exclude.add(candidate);
      load.set(candidate, load.get(candidate)! + 1);
      active++;
    }
  }
  return { ok: true, assignments };
}
