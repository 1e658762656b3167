import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CallEntity, DossierEntity } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class CallRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The database clock: deadlines are decided by it, never by the client's or the API host's clock. */

  list(includeDrafts: boolean, manager: EntityManager = this.dataSource.manager): Promise<CallEntity[]> {
    return manager.find(CallEntity, {
      where: includeDrafts ? {} : { status: 'published' },
      order: { closesAt: 'DESC', code: 'ASC' },
    });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<CallEntity | null> {
    return manager.findOne(CallEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  findByCode(code: string, manager: EntityManager = this.dataSource.manager): Promise<CallEntity | null> {
    return manager.findOne(CallEntity, { where: { code } });
  }

  async insert(call: Partial<CallEntity>, manager: EntityManager = this.dataSource.manager): Promise<CallEntity> {
    return manager.save(CallEntity, manager.create(CallEntity, call));
  }

  async save(call: CallEntity, manager: EntityManager = this.dataSource.manager): Promise<CallEntity> {
    return manager.save(CallEntity, call);
  }

  countDossiers(callId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.count(DossierEntity, { where: { callId } });
  }

  /** Dossiers per call (drafts included), one query for the admin's call list; calls without any are absent. */
  async dossierCounts(): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<Array<{ call_id: string; count: number }>>(
      'SELECT call_id, count(*)::int AS count FROM dossiers GROUP BY call_id',
    );
    return new Map(rows.map((row) => [row.call_id, row.count]));
  }
}
