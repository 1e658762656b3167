export * from './call-keys';
export * from './get-calls';
export * from './get-call';
export * from './save-call';
