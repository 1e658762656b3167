import { AuditEventEntity } from './audit-event.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export { AuditEventEntity, SessionEntity, UserEntity };

/** Every entity of the portal; the data source and the migration drift test use this list. */
export const ENTITIES = [UserEntity, SessionEntity, AuditEventEntity];
