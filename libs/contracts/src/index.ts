export * from './roles';
export * from './auth';
export * from './queues';
export * from './problem';
export * from './error-codes';
export * from './calls';
export * from './applicants';
export * from './dossiers';
