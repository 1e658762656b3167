export * from './kbo';
