import type { Test } from 'supertest';
import type { Response } from 'superagent';

type Callback = (error: Error | null, body: unknown) => void;

/**
 * A supertest parser that keeps a binary answer (PDF, XLSX, a downloaded attachment) as a Buffer in `body`:
 * `agent.get(url).buffer(true).parse(readBuffer)`.
 */
export function readBuffer(response: Response, done: Callback): void {
  const chunks: Buffer[] = [];
  const stream = response as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** The request with its answer kept as a Buffer in `body`. */
export function binary(request: Test): Test {
  return request.buffer(true).parse(readBuffer);
}
