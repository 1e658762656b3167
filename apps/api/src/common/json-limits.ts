import { AppException } from '@portal/server';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How complex a JSON request body may be. Deeper or larger documents are refused before JSON.parse and validation:
 * a 100,000-level array parses (V8 parses iteratively) but then overflows the recursive transform and validation,
 * which took 4 s of event loop per request and answered 500. The deepest legitimate body (a catalogue import:
 * objectives > actions > rows) is 7 levels deep; the longest list a form sends is a bulk decision on 5,000 dossiers.
 */
export const JSON_LIMITS = { maxDepth: 32, maxItems: 10_000 } as const;

export type JsonShapeProblem = { kind: 'depth' | 'items'; limit: number } | null;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * One pass over the raw UTF-8 bytes, without building anything: the nesting depth, and the number of members of every
 * array and object (commas at that level). Bytes of multi-byte UTF-8 characters are all >= 0x80, so they never look
 * like JSON punctuation. Malformed JSON is left to JSON.parse; this only bounds the work it and validation will do.
 */
export function jsonShapeProblem(body: Uint8Array, limits: typeof JSON_LIMITS = JSON_LIMITS): JsonShapeProblem {
  const members = new Uint32Array(limits.maxDepth + 1);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    switch (byte) {
      case QUOTE:
        inString = true;
        break;
      case OPEN_ARRAY:
      case OPEN_OBJECT:
        if (++depth > limits.maxDepth) return { kind: 'depth', limit: limits.maxDepth };
        members[depth] = 1;
        break;
      case CLOSE_ARRAY:
      case CLOSE_OBJECT:
        if (depth > 0) depth--;
        break;
      case COMMA:
        if (depth > 0 && ++members[depth] > limits.maxItems) return { kind: 'items', limit: limits.maxItems };
        break;
    }
  }
  return null;
}

/**
 * body-parser's `verify` hook for JSON: runs on the raw body after the size limit and before parsing. Bodies in
 * another Unicode encoding (UTF-16, UTF-32: body-parser accepts them) are transcoded first, so the scan reads UTF-8.
 */
export function verifyJsonShape(_request: IncomingMessage, _response: ServerResponse, body: Buffer, encoding: string) {
  let utf8 = body;
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    try {
      utf8 = Buffer.from(new TextDecoder(encoding.toLowerCase()).decode(body), 'utf8');
    } catch {
      // TextDecoder knows UTF-16 but not UTF-32: a charset nobody sends us is refused rather than left unscanned.
      throw new AppException('UNSUPPORTED_MEDIA_TYPE');
    }
  }
  const problem = jsonShapeProblem(utf8);
  if (!problem) return;
  throw new AppException(problem.kind === 'depth' ? 'JSON_TOO_DEEP' : 'JSON_TOO_MANY_ITEMS', {
    params: { limit: problem.limit },
  });
}
