import { formatBrussels, parseCallMoment } from './brussels-time';

describe('call moments in Europe/Brussels', () => {
  it('reads a wall-clock deadline in Brussels time, summer and winter alike', () => {
    expect(parseCallMoment('2020-05-22T23:59:59')?.toISOString()).toBe('2020-05-22T21:59:59.000Z'); // CEST, +02:00
    expect(parseCallMoment('2026-12-22T23:59:59')?.toISOString()).toBe('2026-12-22T22:59:59.000Z'); // CET, +01:00
  });

  it('keeps a deadline at the Brussels wall-clock time across the daylight-saving changes', () => {
    // Summer time ends on 25 October 2026 at 03:00 -> 02:00; a deadline that evening is 23:59:59 CET.
    expect(parseCallMoment('2026-10-24T23:59:59')?.toISOString()).toBe('2026-10-24T21:59:59.000Z');
    expect(parseCallMoment('2026-10-25T23:59:59')?.toISOString()).toBe('2026-10-25T22:59:59.000Z');
    // Summer time starts on 29 March 2026 at 02:00 -> 03:00.
    expect(parseCallMoment('2026-03-28T23:59:59')?.toISOString()).toBe('2026-03-28T22:59:59.000Z');
    expect(parseCallMoment('2026-03-29T23:59:59')?.toISOString()).toBe('2026-03-29T21:59:59.000Z');
    for (const local of ['2026-10-25T23:59:59', '2026-03-29T23:59:59', '2020-05-22T23:59:59']) {
      expect(formatBrussels(parseCallMoment(local)!)).toBe(
        `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} 23:59:59`,
      );
    }
  });

  it('refuses a wall-clock time that does not exist in Brussels (the spring-forward hour)', () => {
    expect(parseCallMoment('2026-03-29T02:30')).toBeNull();
  });

  it('takes an explicit offset as an instant', () => {
    expect(parseCallMoment('2020-05-22T23:59:59+02:00')?.toISOString()).toBe('2020-05-22T21:59:59.000Z');
    expect(parseCallMoment('2020-05-22T21:59:59Z')?.toISOString()).toBe('2020-05-22T21:59:59.000Z');
  });

  it('refuses what is not a moment', () => {
    for (const input of ['', 'morgen', '2020-13-01T00:00', '2020-02-30T10:00', '22/05/2020 23:59', '2020-05-22']) {
      expect(parseCallMoment(input)).toBeNull();
    }
  });

  it('resolves the autumn hour that occurs twice to its second occurrence (winter time, the later instant; ADR 0009)', () => {
    // 25 October 2026: 02:00-02:59 happens at +02:00 and again at +01:00.
    expect(parseCallMoment('2026-10-25T02:30')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(parseCallMoment('2026-10-25T02:30:00+02:00')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // The spring hour that does not exist is refused, never moved.
    expect(parseCallMoment('2026-03-29T02:30')).toBeNull();
  });
});
