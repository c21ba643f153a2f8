import { cpus } from 'node:os';
import { Figure, printFigures } from './proof-report';
import { parseProofOptions, ProofOptions } from './proof-options';
import {
  canarySection,
  concurrencySection,
  hostileSection,
  poisonAndSimulationSection,
} from './sections-in-process';
import {
  ledgerKillSection,
  portfolioSection,
  projectorKillSection,
  redeliverySection,
} from './sections-processes';

/** Every section of the proof by name; `--only=hostile,kills` runs a subset. */
const SECTIONS: Record<string, { title: string; run: (options: ProofOptions) => Promise<Figure[]> }> = {
  hostile: { title: 'Hostile input', run: () => hostileSection() },
  canary: { title: 'Canary scan', run: () => canarySection() },
  concurrency: { title: 'Concurrency on one loan', run: concurrencySection },
  simulation: { title: 'Poison event and seeded simulation', run: poisonAndSimulationSection },
  redelivery: { title: 'Projector down, then redelivery', run: redeliverySection },
  portfolio: { title: 'Portfolio load through HTTP', run: portfolioSection },
  'ledger-kills': { title: 'SIGKILL of the ledger', run: ledgerKillSection },
  'projector-kills': { title: 'SIGKILL of the projector', run: projectorKillSection },
};

/**
 * `npm run proof`: the full-size reliability proof (docs/reliability.md). Prints every figure
 * with PASS/FAIL against its target and exits 1 when any fails. Needs `npm run build` (the
 * script runs it) because the kill scenarios start the built API and projector.
 */
async function main(): Promise<void> {
  const options = parseProofOptions(process.argv.slice(2));
  const unknown = options.only.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0)
    throw new Error(`Unknown section: ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  const selected = options.only.length > 0 ? options.only : Object.keys(SECTIONS);
  console.log(
    `# Reliability proof, ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}`,
  );
  console.log(JSON.stringify(options));
  let failed = 0;
  for (const name of selected) {
    const started = Date.now();
    let figures: Figure[];
    try {
      figures = await SECTIONS[name].run(options);
    } catch (error: unknown) {
      figures = [
        {
          name: 'section crashed',
          value: error instanceof Error ? (error.stack ?? error.message).slice(0, 1000) : String(error),
          target: 'completes',
          pass: false,
        },
      ];
    }
    printFigures(`${SECTIONS[name].title} (${((Date.now() - started) / 1000).toFixed(0)} s)`, figures);
    failed += figures.filter((figure) => figure.pass === false).length;
  }
  console.log(`\n${failed === 0 ? 'PASS' : 'FAIL'}: ${failed} figure(s) missed their target`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
