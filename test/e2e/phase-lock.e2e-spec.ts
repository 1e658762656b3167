import type { QueryRunner } from 'typeorm';
import { applicantWithOrganisation, completeDossier, createCall } from '../support/factories';
import { databaseError } from '../support/lifecycle';
import { startApi, type TestApi } from '../support/test-app';

/**
 * The call's phase lock (ADR 0009): a write that depends on the phase holds the call row FOR SHARE (the triggers'
 * call_phase_for_write), a change of the call updates the row. Two connections, each in its own transaction; "waits"
 * is read from pg_stat_activity (the backend waits on a lock), not from a clock.
 */
describe('phase lock: writes that depend on the phase and changes of the call serialise', () => {
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

  /** Until the backend waits on a heavyweight lock (the call row's, ADR 0009). */
  async function waitsOnLock(pid: number): Promise<void> {
    for (;;) {
      const [row] = await api.dataSource.query<Array<{ wait_event_type: string | null; wait_event: string | null }>>(
        `SELECT wait_event_type, wait_event FROM pg_stat_activity WHERE pid = $1`,
        [pid],
      );
      if (row?.wait_event_type === 'Lock') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function openDossier(): Promise<{ callId: string; dossierId: string }> {
    const call = await createCall(api);
    const owner = await applicantWithOrganisation(api);
    const { id } = await completeDossier(api, owner, call.id);
    return { callId: call.id, dossierId: id };
  }

  it('a closing of the call waits for the write in flight, then the call is closed', async () => {
    const { callId, dossierId } = await openDossier();
    const write = await transaction();
    await write.runner.query(`UPDATE dossiers SET summary = summary || '.' WHERE id = $1`, [dossierId]);
    const change = await transaction();
    const closing = change.runner.query(
      `UPDATE calls SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 day' WHERE id = $1`,
      [callId],
    );
    await waitsOnLock(change.pid);
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
    await waitsOnLock(write.pid);
    await change.runner.commitTransaction();
    expect(await refused).toEqual({ code: 'PL409', message: 'DEADLINE_PASSED' });
  });
});
