// Child-process control lives in bench/src/proof/ so the compiled proof runner can use it too.
export {
  startServerProcess,
  newDataDir,
  freePort,
  builtEntry,
  PROOF_KEYS,
} from '../../bench/src/proof/server-process';
export type { ServerProcess, StartOptions } from '../../bench/src/proof/server-process';
