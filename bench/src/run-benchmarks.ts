import { cpus } from 'node:os';
import { BenchResult, printResults } from './bench-report';
import { runEventStoreBenchmark } from './event-store.bench';
import { runE2eBenchmark } from './e2e.bench';
import { runProjectorBenchmark } from './projector.bench';
import { runQueriesBenchmark } from './queries.bench';

/** Every bench by name; `node dist/bench/src/run-benchmarks.js [name...]` runs the named ones, or all. */
const benches: Record<string, () => Promise<BenchResult[]>> = {
  'event-store': () => runEventStoreBenchmark({}),
  e2e: () =>
    runE2eBenchmark({
      seconds: Number(process.env.BENCH_E2E_SECONDS ?? '10'),
      pairs: Number(process.env.BENCH_E2E_PAIRS ?? '3'),
      events: Number(process.env.BENCH_E2E_EVENTS ?? '1000000'),
    }),
  projector: () => runProjectorBenchmark(),
  queries: () => runQueriesBenchmark(),
};

const main = async (): Promise<void> => {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(name in benches));
  if (unknown.length > 0) throw new Error(`Unknown bench: ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}`);
  const selected = requested.length > 0 ? requested : Object.keys(benches);
  console.log(`${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}`);
  for (const name of selected) printResults(name, await benches[name]());
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
