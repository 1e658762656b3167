import { Client } from 'pg';

let counted = 0;
let installed = false;

/**
 * Counts the statements the API sends to PostgreSQL (BEGIN and COMMIT included): every query of a pg client whose
 * application_name is the API's (`grant-portal-api`, set by its DatabaseModule), so the benchmark's own connections
 * (seeding, CPU sampling) are left out. The API runs in the benchmark's process, so patching node-postgres here sees
 * its queries. Returns a reader of the running total.
 */
export function countApiStatements(applicationName = 'grant-portal-api'): () => number {
  if (!installed) {
    installed = true;
    const original = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const parameters = (this as unknown as { connectionParameters?: { application_name?: string } })
        .connectionParameters;
      if (parameters?.application_name === applicationName) counted += 1;
      return (original as (...rest: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
  }
  return () => counted;
}
