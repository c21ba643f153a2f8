import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeCheckpointStoreContract } from '../contract/checkpoint-store.contract';
import { describeReadStoreContract } from '../contract/read-store.contract';
import { openSqliteStorage } from './open-sqlite-storage';

const directories: string[] = [];
const createStorage = () => {
  directories.push(mkdtempSync(join(tmpdir(), 'read-models-')));
  return openSqliteStorage(directories[directories.length - 1]);
};
afterAll(() => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

describeReadStoreContract('sqlite', createStorage);
describeCheckpointStoreContract('sqlite', createStorage);
