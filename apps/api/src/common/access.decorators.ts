import { SetMetadata } from '@nestjs/common';
import type { Role } from '@portal/contracts';

export const ACCESS_METADATA = 'portal:access';

export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/**
 * Every route declares who may call it with one of these decorators (on the handler or its controller);
 * the global AccessGuard denies any route that declares nothing.
 */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);
export const Authenticated = () => SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRule);
/**
 * Marks a route that a session limited to second-factor enrolment may still reach (its own enrolment, who am I,
 * logout); every other route answers 403 SECOND_FACTOR_ENROLMENT_REQUIRED to such a session.
 */
export const ENROLMENT_METADATA = 'portal:during-enrolment';
export const AllowedDuringEnrolment = () => SetMetadata(ENROLMENT_METADATA, true);
export const Roles = (...roles: [Role, ...Role[]]) =>
  SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRule);
