/** Moved to @portal/server (the worker issues reset links too); kept here for the API's existing imports. */
export { hashToken } from '@portal/server';
