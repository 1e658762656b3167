import fc from 'fast-check';
import { humanTextIssue, humanTextProblem } from './human-text';
import { isCalendarDate, parseCallMoment } from './brussels-time';

describe('the human-text rule', () => {
  it('accepts names and prose in any script, emoji and the implicit direction marks', () => {
    for (const name of [
      'vzw De Brug',
      'Zoë Ærøskøbing – “café” Łódź Ştefan',
      'Ελληνική Κοινότητα',
      'Общество «Мост»',
      'עמותת הגשר',
      'جمعية الجسر\u200F 2026',
      '北京青年协会',
      'Buurt 👩‍👩‍👧‍👦 feest',
    ]) {
      expect(humanTextProblem(name, { max: 300 })).toBeNull();
    }
    expect(humanTextProblem('Eerste regel\nTweede\tkolom\r\nDerde', { multiline: true })).toBeNull();
  });

  it('refuses NUL, lone surrogates, control characters and bidi overrides, naming the problem', () => {
    expect(humanTextProblem('vzw\u0000', {})).toBe('nulCharacter');
    expect(humanTextProblem('vzw \uD800', {})).toBe('invalidUnicode');
    expect(humanTextProblem('vzw \uDC00 x', {})).toBe('invalidUnicode');
    expect(humanTextProblem('\uDFFF\uD83D', {})).toBe('invalidUnicode'); // reversed pair
    expect(humanTextProblem('vzw\r\nReply-To: evil@x', {})).toBe('controlCharacter');
    expect(humanTextProblem('vzw\nDe Brug', {})).toBe('controlCharacter');
    expect(humanTextProblem('vzw\tDe Brug', {})).toBe('controlCharacter');
    expect(humanTextProblem('vzw\u2028De Brug', {})).toBe('controlCharacter');
    expect(humanTextProblem('vzw\u0085', {})).toBe('controlCharacter'); // C1 next line
    expect(humanTextProblem('tekst\u001b[31m', { multiline: true })).toBe('controlCharacter');
    expect(humanTextProblem('lone\rcarriage return', { multiline: true })).toBe('controlCharacter');
    expect(humanTextProblem('vzw \u202EgurB eD', {})).toBe('bidiControl');
    expect(humanTextProblem('\u2066isolate\u2069', { multiline: true })).toBe('bidiControl');
    expect(humanTextProblem(42, {})).toBe('notText');
  });

  it('applies the length bounds', () => {
    expect(humanTextProblem('x'.repeat(10_000), { max: 5000 })).toBe('tooLong');
    expect(humanTextProblem('x', { min: 2 })).toBe('tooShort');
    expect(humanTextProblem('xx', { min: 2, max: 2 })).toBeNull();
  });

  it('gives an issue that names the field or its label', () => {
    expect(humanTextIssue('answers.GOAL', 'a\u0000b', {}, 'Doel')).toEqual({
      field: 'answers.GOAL',
      code: 'nulCharacter',
      message: {
        nl: 'Doel bevat een NUL-teken; dat kan niet bewaard worden.',
        en: 'Doel contains a NUL character, which cannot be stored.',
      },
    });
    expect(humanTextIssue('title', 'ok', {})).toBeNull();
  });

  it('accepts exactly the strings that are well-formed and free of control and bidi characters', () => {
    const allowed = (text: string) =>
      // eslint-disable-next-line no-control-regex -- the property restates the rule independently
      !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(text) &&
      Buffer.from(text, 'utf8').toString('utf8') === text;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(humanTextProblem(text, {}) === null).toBe(allowed(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('calendar dates', () => {
  it('accepts dates that exist, leap days included', () => {
    for (const date of ['2028-02-29', '2027-12-31', '2000-02-29', '1900-01-01', '2999-12-31']) {
      expect(isCalendarDate(date)).toBe(true);
    }
  });

  it('refuses dates that do not exist or fall outside the years the portal handles', () => {
    for (const date of [
      '2028-02-30',
      '2028-04-31',
      '2027-02-29',
      '1900-02-29',
      '0000-01-01',
      '2028-00-10',
      '2028-13-01',
      '2028-01-00',
      '1899-12-31',
      '3000-01-01',
      '2028-1-01',
      ' 2028-01-01',
      '2028-01-01T00:00',
    ]) {
      expect(isCalendarDate(date)).toBe(false);
    }
  });

  it('refuses call moments in a year the database cannot hold', () => {
    expect(parseCallMoment('0000-01-01T00:00')).toBeNull();
    expect(parseCallMoment('0000-01-01T00:00:00Z')).toBeNull();
    expect(parseCallMoment('2028-02-30T12:00')).toBeNull();
    expect(parseCallMoment('2028-02-29T12:00')?.toISOString()).toBe('2028-02-29T11:00:00.000Z');
  });
});
