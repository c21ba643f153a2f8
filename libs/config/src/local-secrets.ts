import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads a secret kept in the data directory, or creates it on first start. The file is created
 * with mode 0600 and the exclusive flag, so two processes starting together cannot both write
 * one: the loser reads the winner's file. Used only when the environment leaves a secret unset.
 */
export function readOrCreateSecretFile(
  dataDir: string,
  fileName: string,
  generate: () => string,
): { path: string; secret: string; created: boolean } {
  const path = join(dataDir, fileName);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, `${generate()}\n`, { flag: 'wx', mode: 0o600 });
    return { path, secret: readSecret(path), created: true };
  } catch (error: unknown) {
    if (!isAlreadyExists(error)) throw error;
    return { path, secret: readSecret(path), created: false };
  }
}

/** A random secret for the quickstart API key: 32 bytes, base64url (no ':' or ';'). */
export const generateApiKeySecret = (): string => `lk_${randomBytes(32).toString('base64url')}`;

/** A random AES-256 key, base64. */
export const generateVaultKey = (): string => randomBytes(32).toString('base64');

const readSecret = (path: string): string => readFileSync(path, 'utf8').trim();

const isAlreadyExists = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EEXIST';
