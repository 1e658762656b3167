import { deadlineWarning } from './deadline-warning';

describe('deadlineWarning', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

  it('warns a draft in the last week with the whole days left, urgently in the last day with the hours left', () => {
    expect(deadlineWarning('draft', inHours(8 * 24), now)).toBeNull();
    expect(deadlineWarning('draft', inHours(7 * 24 - 1), now)).toEqual({ level: 'soon', days: 6 });
    expect(deadlineWarning('draft', inHours(3 * 24 + 5), now)).toEqual({ level: 'soon', days: 3 });
    expect(deadlineWarning('draft', inHours(24), now)).toEqual({ level: 'soon', days: 1 });
    expect(deadlineWarning('draft', inHours(23.5), now)).toEqual({ level: 'urgent', hours: 24 });
    expect(deadlineWarning('draft', inHours(0.1), now)).toEqual({ level: 'urgent', hours: 1 });
  });

  it('says a draft missed its deadline, and never warns a dossier that is no longer a draft', () => {
    expect(deadlineWarning('draft', inHours(0), now)).toEqual({ level: 'passed' });
    expect(deadlineWarning('draft', inHours(-48).toISOString(), now)).toEqual({ level: 'passed' });
    expect(deadlineWarning('submitted', inHours(2), now)).toBeNull();
    expect(deadlineWarning('withdrawn', inHours(-2), now)).toBeNull();
    expect(deadlineWarning('draft', 'not a date', now)).toBeNull();
  });
});
