import { execFile } from 'node:child_process';
import { join } from 'node:path';

const SCHEMAS = join(__dirname, 'schemas');

/**
 * Validates an XML document against a schema in test/support/schemas with libxml2 (the libxml2-wasm package, as the
 * sepa package's own tests do). libxml2-wasm is an ES module that loads WebAssembly, so it runs in a child Node process:
 * resolves with null when valid, or libxml2's messages.
 */
export function xsdProblems(xml: string, schemaFile: string): Promise<string | null> {
  const script = `
    import { readFileSync } from 'node:fs';
    import { XmlDocument, XsdValidator } from 'libxml2-wasm';
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const schema = XmlDocument.fromBuffer(readFileSync(process.argv[1]));
    const validator = XsdValidator.fromDoc(schema);
    const doc = XmlDocument.fromBuffer(Buffer.concat(chunks));
    try {
      validator.validate(doc);
      process.stdout.write('VALID');
    } catch (error) {
      process.stdout.write(String(error.message ?? error) + JSON.stringify(error.details ?? []));
    } finally {
      doc.dispose(); validator.dispose(); schema.dispose();
    }`;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', script, join(SCHEMAS, schemaFile)],
      { cwd: process.cwd(), timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        resolve(stdout === 'VALID' ? null : stdout);
      },
    );
    child.stdin?.end(xml);
  });
}
