import { jsonShapeProblem, JSON_LIMITS, verifyJsonShape } from './json-limits';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('bounded JSON before parsing', () => {
  it('lets ordinary bodies through', () => {
    expect(jsonShapeProblem(bytes('{"email":"a@b.be","password":"x"}'))).toBeNull();
    expect(
      jsonShapeProblem(bytes(JSON.stringify({ objectives: [{ actions: [{ rows: [{ unit: 'uur' }] }] }] }))),
    ).toBeNull();
    expect(jsonShapeProblem(bytes(JSON.stringify({ ids: Array.from({ length: 10_000 }, (_, i) => i) })))).toBeNull();
    expect(jsonShapeProblem(bytes(''))).toBeNull();
  });

  it('refuses nesting beyond the limit, arrays and objects alike', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(jsonShapeProblem(bytes(deep))).toEqual({ kind: 'depth', limit: JSON_LIMITS.maxDepth });
    expect(jsonShapeProblem(bytes('{"a":'.repeat(33) + '1' + '}'.repeat(33)))).toEqual({ kind: 'depth', limit: 32 });
    expect(jsonShapeProblem(bytes('{"a":'.repeat(32) + '1' + '}'.repeat(32)))).toBeNull();
  });

  it('refuses a list or object with more members than the limit', () => {
    expect(jsonShapeProblem(bytes(JSON.stringify(Array.from({ length: 10_001 }, () => 0))))).toEqual({
      kind: 'items',
      limit: JSON_LIMITS.maxItems,
    });
    const wide = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, i]));
    expect(jsonShapeProblem(bytes(JSON.stringify(wide)))?.kind).toBe('items');
  });

  it('does not count punctuation inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ title: '[[[[{{{{,,,,"\\'.repeat(5_000) });
    expect(jsonShapeProblem(bytes(text))).toBeNull();
    expect(jsonShapeProblem(bytes(JSON.stringify(['é, ü', '北京,[', '👩‍👩‍👧‍👦'])))).toBeNull();
  });

  it('reads UTF-16 bodies after transcoding, and refuses them when too deep', () => {
    const deep = Buffer.from('['.repeat(40) + ']'.repeat(40), 'utf16le');
    expect(() => verifyJsonShape({} as never, {} as never, deep, 'utf-16le')).toThrow('JSON_TOO_DEEP');
    expect(() => verifyJsonShape({} as never, {} as never, Buffer.from('["北"]', 'utf16le'), 'utf-16le')).not.toThrow();
  });
});
