import { leastLoaded, planAssignments, type ExistingAssignment } from './review-assignment';

const none = () => false;

describe('review assignment', () => {
  it('gives each dossier k reviewers of the pool, spreading the open load evenly', () => {
    const plan = planAssignments({
      dossierIds: ['d1', 'd2', 'd3', 'd4'],
      pool: ['a', 'b', 'c'],
      perDossier: 2,
      existing: [],
      conflicted: none,
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.assignments).toHaveLength(8);
    for (const d of ['d1', 'd2', 'd3', 'd4']) {
      const reviewers = plan.assignments.filter((a) => a.dossierId === d).map((a) => a.reviewerId);
      expect(new Set(reviewers).size).toBe(2);
    }
    const counts = ['a', 'b', 'c'].map((r) => plan.assignments.filter((a) => a.reviewerId === r).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('never picks a conflicted reviewer, nor one who declared a conflict on the dossier, and counts who is on it', () => {
    const existing: ExistingAssignment[] = [
      { dossierId: 'd1', reviewerId: 'a', status: 'conflict' },
      { dossierId: 'd1', reviewerId: 'b', status: 'submitted' },
    ];
    const plan = planAssignments({
      dossierIds: ['d1', 'd2'],
      pool: ['a', 'b', 'c', 'd'],
      perDossier: 2,
      existing,
      conflicted: (dossier, reviewer) => dossier === 'd2' && reviewer === 'c',
    });
    expect(plan).toEqual({
      ok: true,
      assignments: [
        { dossierId: 'd1', reviewerId: 'c' },
        { dossierId: 'd2', reviewerId: 'a' },
        { dossierId: 'd2', reviewerId: 'b' },
      ],
    });
  });

  it('fails as a whole, saying what was needed and possible, when the pool is too small for a dossier', () => {
    expect(
      planAssignments({
        dossierIds: ['d1', 'd2'],
        pool: ['a', 'b', 'c'],
        perDossier: 3,
        existing: [],
        conflicted: (dossier, reviewer) => dossier === 'd2' && reviewer === 'a',
      }),
    ).toEqual({ ok: false, dossierId: 'd2', needed: 3, available: 2 });
    expect(planAssignments({ dossierIds: ['d1'], pool: [], perDossier: 1, existing: [], conflicted: none })).toEqual({
      ok: false,
      dossierId: 'd1',
      needed: 1,
      available: 0,
    });
  });

  it('prefers the reviewer with the fewest open assignments, ties by id', () => {
    expect(
      leastLoaded(
        new Map([
          ['b', 0],
          ['a', 0],
        ]),
        new Set(),
      ),
    ).toBe('a');
    expect(
      leastLoaded(
        new Map([
          ['a', 2],
          ['b', 1],
        ]),
        new Set(),
      ),
    ).toBe('b');
    expect(leastLoaded(new Map([['a', 0]]), new Set(['a']))).toBeNull();
  });
});
