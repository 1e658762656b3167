export * from './kbo';
export * from './money';
export * from './brussels-time';
export * from './identifiers';
export * from './call-rules';
export * from './dossier-rules';
export * from './canonical-json';
