import { callPhase, isCallOpen } from './call-phase';

const opensAt = new Date('2026-03-01T08:00:00Z');
const closesAt = new Date('2026-04-01T10:00:00Z');
const published = { status: 'published', opensAt, closesAt };

describe('callPhase', () => {
  it('is draft before publication, whatever the time', () => {
    expect(callPhase({ ...published, status: 'draft' }, new Date('2026-03-15T00:00:00Z'))).toBe('draft');
  });

  it('is planned before the opening, open up to and including the deadline, closed after', () => {
    expect(callPhase(published, new Date(opensAt.getTime() - 1))).toBe('planned');
    expect(callPhase(published, opensAt)).toBe('open');
    expect(callPhase(published, closesAt)).toBe('open');
    expect(callPhase(published, new Date(closesAt.getTime() + 1))).toBe('closed');
  });

  it('isCallOpen says whether the phase is open', () => {
    expect(isCallOpen(published, closesAt)).toBe(true);
    expect(isCallOpen(published, new Date(closesAt.getTime() + 1))).toBe(false);
    expect(isCallOpen({ ...published, status: 'draft' }, closesAt)).toBe(false);
  });
});
