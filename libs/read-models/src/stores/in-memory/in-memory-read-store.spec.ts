import { describeCheckpointStoreContract } from '../contract/checkpoint-store.contract';
import { describeReadStoreContract } from '../contract/read-store.contract';
import { openInMemoryStorage } from './open-in-memory-storage';

describeReadStoreContract('in-memory', async () => openInMemoryStorage());
describeCheckpointStoreContract('in-memory', async () => openInMemoryStorage());
