import { Command } from 'commander';
import { checkpointName, physicalCollections, Projection, Projector, ReadModelStorage, silentLogger } from '@ledger/read-models';
import { EventStore } from '@ledger/event-store';
import { CliIo, EXIT, ExitCode, processIo, runCommand } from '../cli-io';
import { LedgerStores, openLedger } from '../open-ledger';
import { progressBar } from '../progress';
import { chooseProjections } from './projection-choice';

export interface RebuildOptions {
  all?: boolean;
}

/**
 * `ledger rebuild`: rebuild read models from the log with the projector engine. A projection whose
 * code is newer than the active version is built beside it and switched to (the engine's
 * blue/green rebuild); one at the active version is rebuilt in place: its collections and
 * checkpoint are dropped and the engine refolds them (stop the service's projector first).
 */
export async function rebuildCommand(stores: LedgerStores, name: string | undefined, options: RebuildOptions, io: CliIo): Promise<ExitCode> {
  return runCommand(io, async () => {
    const projections = chooseProjections(name, options.all);
    const storage = await stores.readModels();
    for (const projection of projections) {
      const started = Date.now();
      const progress = progressBar(io, `rebuild ${projection.name}`);
      const active = await storage.checkpoints.getActiveVersion(projection.name);
      if (active !== null && active > projection.version) throw new Error(`${projection.name}: the store serves v${active}, newer than this code's v${projection.version}`);
      const projector = new Projector({ eventStore: stores.eventStore, ...storage, projections: [projection], logger: silentLogger });
      if (active === projection.version) await rebuildInPlace(projector, stores.eventStore, storage, projection, progress.update);
      else await projector.rebuild(projection, { onProgress: (p) => progress.update(Number(p.position ?? 0), p.headPosition === null ? 0 : Number(p.headPosition)) });
      await projector.stop();
      progress.stop();
      io.out(`${projection.name} v${projection.version} rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    return EXIT.OK;
  });
}

async function rebuildInPlace(
  projector: Projector, eventStore: EventStore, storage: ReadModelStorage, projection: Projection, update: (done: number, total: number | null) => void,
): Promise<void> {
  const collections = physicalCollections(projection, projection.version);
  await storage.readStore.dropCollections(collections.map((collection) => collection.name));
  await storage.checkpoints.delete(checkpointName(projection.name, projection.version));
  const head = await eventStore.headPosition();
  await projector.start();
  if (head === null) return;
  const timer = setInterval(() => update(Number(projector.servingPosition() ?? 0), Number(head)), 200);
  try {
    if (!(await projector.waitForPosition(head, 24 * 3600 * 1000))) throw new Error(`${projection.name}: the rebuild stopped before position ${head} (see the projection status)`);
    update(Number(head), Number(head));
  } finally {
    clearInterval(timer);
  }
}

export function registerRebuildCommand(program: Command, io: CliIo = processIo, open: () => LedgerStores = openLedger): void {
  program
    .command('rebuild')
    .description('Rebuild read models from the log with the projector engine (progress bar with ETA)')
    .argument('[projection]', 'a projection name, e.g. loan-balance')
    .option('--all', 'every projection')
    .action(async (name: string | undefined, options: RebuildOptions) => {
      const stores = open();
      process.exitCode = await rebuildCommand(stores, name, options, io).finally(() => stores.close());
    });
}
