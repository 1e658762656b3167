import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The database's clock: moments that must agree with the rows' timestamps come from PostgreSQL, not the process. */
@Injectable()
export class DatabaseClock {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** now() of the transaction (the same moment every statement of it sees). */
  async now(manager: EntityManager = this.dataSource.manager): Promise<Date> {
    const [{ now }] = await manager.query<Array<{ now: Date }>>('SELECT now() AS now');
    return now;
  }

  /** now() plus a number of minutes, by the database clock. */
  async inMinutes(minutes: number, manager: EntityManager = this.dataSource.manager): Promise<Date> {
    const [{ at }] = await manager.query<Array<{ at: Date }>>('SELECT now() + make_interval(mins => $1) AS at', [
      minutes,
    ]);
    return at;
  }
}
