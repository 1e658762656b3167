import { MIGRATIONS } from '@portal/migrations';

/** The API owns the schema: only it (and `npm run migrate`) runs migrations. */
export const API_MIGRATIONS = MIGRATIONS;
