/**
 * The text a pdfkit document (written uncompressed) shows, for assertions on letters.
 *
 * Fonts embedded from a TrueType file (the letter's DejaVu Sans) write 2-byte glyph ids (Identity-H) and carry a
 * ToUnicode map from glyph to text; the standard PDF fonts write WinAnsi bytes. A glyph the font lacks is glyph 0
 * (.notdef, drawn as an empty box) and reads back as U+FFFD, so a test can tell "rendered" from "present in the file".
 * Text objects (one per laid-out line) are joined with a space; white space (no-break space included) is collapsed.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const match of source.matchAll(/(\d+) 0 obj\s([\s\S]*?)endobj/g)) objects.set(match[1], match[2]);

  const toUnicode = new Map<string, Map<number, string>>();
  const cmapOf = (fontObject: string): Map<number, string> | undefined => {
    if (toUnicode.has(fontObject)) return toUnicode.get(fontObject);
    const reference = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObject) ?? '')?.[1];
    const cmap = reference ? parseCmap(objects.get(reference) ?? '') : undefined;
    if (cmap) toUnicode.set(fontObject, cmap);
    return cmap;
  };
  const fontObjects = new Map<string, string>();
  for (const block of source.matchAll(/\/Font <<([\s\S]*?)>>/g)) {
    for (const entry of block[1].matchAll(/\/(\w+) (\d+) 0 R/g)) fontObjects.set(entry[1], entry[2]);
  }

  const lines: string[] = [];
  let cmap: Map<number, string> | undefined;
  for (const text of source.matchAll(/BT([\s\S]*?)ET/g)) {
    let line = '';
    for (const op of text[1].matchAll(/\/(\w+) [\d.]+ Tf|<([0-9a-fA-F]+)>/g)) {
      if (op[1]) {
        cmap = cmapOf(fontObjects.get(op[1]) ?? '');
        continue;
      }
      const hex = op[2];
      if (cmap) {
        for (let i = 0; i + 4 <= hex.length; i += 4) {
          const glyph = parseInt(hex.slice(i, i + 4), 16);
          line += glyph === 0 ? '\uFFFD' : (cmap.get(glyph) ?? '\uFFFD');
        }
      } else {
        line += Buffer.from(hex, 'hex')
          .toString('latin1')
          .replace(/\x80/g, '€') // WinAnsi, the encoding of the standard PDF fonts
          .replace(/\x97/g, '—');
      }
    }
    lines.push(line);
  }
  return lines.join(' ').replace(/[\s\u00a0]+/g, ' ');
}

/** `beginbfrange` (with arrays, as pdfkit writes them, or a start value) and `beginbfchar` entries. */
function parseCmap(stream: string): Map<number, string> {
  const map = new Map<number, string>();
  const text = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  const ranges = [...stream.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)].map((block) => block[1]).join('\n');
  for (const range of ranges.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
    const first = parseInt(range[1], 16);
    const last = parseInt(range[2], 16);
    if (range[3].startsWith('[')) {
      [...range[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((value, i) => map.set(first + i, text(value[1])));
    } else {
      const start = parseInt(range[3].slice(1, -1), 16);
      for (let code = first; code <= last; code++) map.set(code, String.fromCharCode(start + code - first));
    }
  }
  for (const block of stream.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(parseInt(entry[1], 16), text(entry[2]));
    }
  }
  return map;
}
