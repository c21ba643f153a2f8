export * from './api-keys';
export * from './ledger-config';
export { readOrCreateSecretFile } from './local-secrets';
