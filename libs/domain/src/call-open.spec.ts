import { isCallOpen } from './call-lifecycle';

const opensAt = new Date('2026-03-01T08:00:00Z');
const closesAt = new Date('2026-04-01T21:59:59Z');
const call = { status: 'published', opensAt, closesAt };

describe('isCallOpen', () => {
  it('is open from the opening up to the end of the closing second', () => {
    expect(isCallOpen(call, new Date(opensAt.getTime() - 1))).toBe(false);
    expect(isCallOpen(call, opensAt)).toBe(true);
    expect(isCallOpen(call, new Date(closesAt.getTime() + 999))).toBe(true);
    expect(isCallOpen(call, new Date(closesAt.getTime() + 1000))).toBe(false);
  });

  it('is never open for a draft, or once the assessment started', () => {
    expect(isCallOpen({ ...call, status: 'draft' }, opensAt)).toBe(false);
    expect(isCallOpen({ ...call, assessmentStage: 'assessment' }, opensAt)).toBe(false);
  });

  it('takes ISO strings as the web has them', () => {
    expect(isCallOpen({ ...call, opensAt: opensAt.toISOString() }, '2026-03-15T12:00:00Z')).toBe(true);
  });
});
