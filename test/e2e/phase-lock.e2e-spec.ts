import type { QueryRunner } from 'typeorm';
import { applicantWithOrganisation, completeDossier, createCall } from '../support/factories';
import { databaseError } from '../support/lifecycle';
import { startApi, type TestApi } from '../support/test-app';

/**
 * The call's phase lock (ADR 0009, ADR 0021): a write that depends on the phase shares the call's advisory lock, a
 * change of the call takes it exclusive. Two connections, each in its own transaction; "waits" is read from
 * pg_stat_activity (the backend waits on a lock), not from a clock.
 */
describe('phase lock: writes that depend on the phase and changes of the call serialise, without locking the call row', () => {
  let api: TestApi;
  const open: QueryRunner[] = [];

  beforeAll(async () => {
    api = await startApi();
  });

  afterEach(async () => {
    for (const runner of open.splice(0)) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  afterAll(async () => {
    await api.close();
  });

  async function transaction(): Promise<{ runner: QueryRunner; pid: number }> {
    const runner = api.dataSource.createQueryRunner();
    open.push(runner);
    await runner.connect();
    const [{ pid }] = await runner.manager.query<Array<{ pid: number }>>('SELECT pg_backend_pid() AS pid');
    await runner.startTransaction();
    return { runner, pid };
  }

  /** Until the backend waits on a heavyweight lock of the given kind ('advisory', 'tuple', 'transactionid'). */
  async function waitsOn(pid: number, kind: string): Promise<void> {
    for (;;) {
      const [row] = await api.dataSource.query<Array<{ wait_event_type: string | null; wait_event: string | null }>>(
        `SELECT wait_event_type, wait_event FROM pg_stat_activity WHERE pid = $1`,
        [pid],
      );
      if (row?.wait_event_type === 'Lock' && row.wait_event === kind) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function openDossier(): Promise<{ callId: string; dossierId: string }> {
    const call = await createCall(api);
    const owner = await applicantWithOrganisation(api);
    const { id } = await completeDossier(api, owner, call.id);
    return { callId: call.id, dossierId: id };
  }

  it('a closing of the call waits for the write in flight; the counter does not; the call row is not locked by the write', async () => {
    const { callId, dossierId } = await openDossier();
    const write = await transaction();
    await write.runner.query(`UPDATE dossiers SET summary = summary || '.' WHERE id = $1`, [dossierId]);
    const [{ locks }] = await api.dataSource.query<Array<{ locks: number }>>(
      `SELECT count(*)::int AS locks FROM pg_locks WHERE pid = $1 AND locktype = 'advisory' AND mode = 'ShareLock'`,
      [write.pid],
    );
    expect(locks).toBe(1);

    // A start's counter (ADR 0021) goes through while the write is in flight.
    const start = await transaction();
    await start.runner.query('UPDATE calls SET dossier_seq = dossier_seq + 1 WHERE id = $1', [callId]);
    await start.runner.rollbackTransaction();

    const change = await transaction();
    const closing = change.runner.query(
      `UPDATE calls SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 day' WHERE id = $1`,
      [callId],
    );
    await waitsOn(change.pid, 'advisory');
    await write.runner.commitTransaction();
    await closing;
    await change.runner.commitTransaction();
    const [{ phase }] = await api.dataSource.query<Array<{ phase: string }>>(
      'SELECT call_phase(c) AS phase FROM calls c WHERE id = $1',
      [callId],
    );
    expect(phase).toBe('closed');
  });

  it('a write that starts while the call is being closed waits, then sees the closed call and is refused', async () => {
    const { callId, dossierId } = await openDossier();
    const change = await transaction();
    await change.runner.query(
      `UPDATE calls SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 day' WHERE id = $1`,
      [callId],
    );

    const write = await transaction();
    const refused = databaseError(
      write.runner.query(`UPDATE dossiers SET summary = summary || '.' WHERE id = $1`, [dossierId]),
    );
    await waitsOn(write.pid, 'advisory');
    await change.runner.commitTransaction();
    expect(await refused).toEqual({ code: 'PL409', message: 'DEADLINE_PASSED' });
  });
});
