import { loadEsm } from 'load-esm';
import { BIDI_CONTROL_CHARACTERS } from '@portal/domain';

/** What applicants may upload, decided by the file's content (magic numbers), never by its name or the browser's claim. */
export const ALLOWED_CONTENT_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The part of the Blob interface file-type's blob tokenizer uses: random access by byte range, size known. */
export interface ByteRanges {
  readonly size: number;
  readonly type: string;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

type FileTypeModule = typeof import('file-type');
let fileType: Promise<FileTypeModule> | undefined;

/**
 * Reads only what the detection needs (the header; for DOCX, XLSX and ODT the zip's entries), never the whole file.
 * `content` offers random access by byte range with the size known (a staged upload, ADR 0019): file-type reads it
 * as it reads a file, not as a stream of unknown length (whose zip scan has tighter limits).
 */
export async function sniffContentType(content: ByteRanges): Promise<string | null> {
  fileType ??= loadEsm<FileTypeModule>('file-type');
  // file-type's blob tokenizer uses `size`, `type` and `slice(start, end).arrayBuffer()` only.
  const detected = await (await fileType).fileTypeFromBlob(content as unknown as Blob);
  return detected && detected.mime in ALLOWED_CONTENT_TYPES ? detected.mime : null;
}

/**
 * Keeps a file name readable but harmless: no paths, no control characters, no bidi overrides (which make
 * "factuur\u202Efdp.exe" display as "factuurexe.pdf"), no lone surrogates, bounded length. Unlike typed text
 * (refused, ADR 0010) a file name is cleaned: it comes from the person's disk, not from their keyboard.
 */
export function safeFilename(original: string, contentType: string): string {
  const base = original
    .replace(/^.*[\\/]/, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .normalize('NFC');
  const cleaned = Array.from(
    base
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029<>:"|?*]/g, '_')
      .replace(BIDI_CONTROL_CHARACTERS, '_')
      .replace(/^\.+/, '')
      .trim(),
  )
    .slice(0, 200) // code points, so a cut never leaves half a surrogate pair
    .join('');
  const extension = ALLOWED_CONTENT_TYPES[contentType];
  if (!cleaned) return `bijlage.${extension}`;
  return cleaned.toLowerCase().endsWith(`.${extension}`) || (extension === 'jpg' && /\.jpe?g$/i.test(cleaned))
    ? cleaned
    : `${cleaned}.${extension}`;
}
