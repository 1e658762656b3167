import { brusselsBound } from './audit-period';

describe('brusselsBound: audit filter dates in Brussels time', () => {
  it('reads a day as Brussels midnight, winter and summer time', () => {
    expect(brusselsBound('2026-01-15', 'from')?.toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(brusselsBound('2026-07-15', 'from')?.toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });

  it('makes "to" a day include that whole day (exclusive bound at the next midnight)', () => {
    expect(brusselsBound('2026-01-15', 'to')?.toISOString()).toBe('2026-01-15T23:00:00.000Z');
    // The day summer time starts has 23 hours.
    expect(brusselsBound('2026-03-29', 'to')?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('reads a moment to the minute or second', () => {
    expect(brusselsBound('2026-07-15T14:30', 'from')?.toISOString()).toBe('2026-07-15T12:30:00.000Z');
    expect(brusselsBound('2026-07-15T14:30', 'to')?.toISOString()).toBe('2026-07-15T12:31:00.000Z');
    expect(brusselsBound('2026-07-15T14:30:05', 'to')?.toISOString()).toBe('2026-07-15T12:30:06.000Z');
  });

  it('refuses what is not a Brussels date or moment', () => {
    for (const value of ['', '2026-02-30', '15/07/2026', '2026-07-15T14:30Z', '2026-03-29T02:30', 'now']) {
      expect(brusselsBound(value, 'from')).toBeNull();
    }
  });
});
