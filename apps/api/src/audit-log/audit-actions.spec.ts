import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CALL_ACT_NAMES } from '@portal/domain';
import { AUDIT_ACTION_TEXT, auditActionText, NOTIFICATION_TEMPLATES } from '@portal/contracts';

const ROOT = join(__dirname, '../../../..');
const NAMESPACES =
  'allocation|applicant|audit|auth|call|change_request|consensus|dossier|notification|panel|proposal|report|reserve|retention|review|staff|user';
const LITERAL = new RegExp(`'((?:${NAMESPACES})\\.[a-z_]+)'`, 'g');

/** Literals of that shape that are not audit actions: SQL column references of query builders. */
const NOT_ACTIONS = new Set([
  'dossier.applicant_id',
  'dossier.applicant',
  'dossier.call',
  'dossier.reference',
  'dossier.id',
  'dossier.created_at',
  'dossier.updated_at',
  'applicant.id',
  'user.id',
  'user.display_name',
]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('audit actions have words', () => {
  it('every action code the API and the worker write has a Dutch and an English text', () => {
    const known = new Set<string>([...NOTIFICATION_TEMPLATES, ...CALL_ACT_NAMES, ...NOT_ACTIONS]);
    const literals = new Set(
      [join(ROOT, 'apps/api/src'), join(ROOT, 'apps/worker/src'), join(ROOT, 'libs/server/src')]
        .flatMap(sources)
        .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(LITERAL)].map((match) => match[1])),
    );
    const missing = [...literals].filter((code) => !known.has(code) && !AUDIT_ACTION_TEXT[code]);
    expect(missing).toEqual([]);
    // The scan finds what it should (a broken pattern would find nothing and pass).
    expect(literals.has('dossier.submitted')).toBe(true);
  });

  it('the approval workflow writes `${kind}.${status}`: each of those has a text too', () => {
    for (const kind of ['proposal', 'allocation'])
      for (const status of ['sent', 'returned', 'approved'])
        expect(AUDIT_ACTION_TEXT[`${kind}.${status}`]).toBeDefined();
  });

  it('falls back to the code for an unknown action', () => {
    expect(auditActionText('dossier.submitted', 'nl')).toBe('Dossier ingediend');
    expect(auditActionText('test.unknown', 'en')).toBe('test.unknown');
  });
});
