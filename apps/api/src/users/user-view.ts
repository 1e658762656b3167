import type { UserView } from '@portal/contracts';
import type { UserEntity } from '@portal/server';

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    locale: user.locale,
    emailVerified: user.emailVerifiedAt !== null,
  };
}
