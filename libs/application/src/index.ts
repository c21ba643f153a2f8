export * from './command-result';
export * from './event-ids';
export * from './stream-state-cache';
export * from './handle-command';
