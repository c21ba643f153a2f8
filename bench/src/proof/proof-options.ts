/** Sizes of `npm run proof`: flags (--ledger-kills=200) win over environment (PROOF_LEDGER_KILLS=200) over defaults. */
export interface ProofOptions {
  only: string[];
  ledgerKills: number;
  projectorKills: number;
  contentionClients: number[];
  contentionSeconds: number;
  loans: number;
  loadClients: number;
  commands: number;
  redeliveryEvents: number;
  redeliver: number;
  redeliveries: number;
  simulationSeeds: number;
  /** Wait out the 60 s stale-claim window after the ledger kills and retry the blocked keys. */
  awaitStaleClaims: boolean;
}

const DEFAULTS: Omit<ProofOptions, 'only'> = {
  ledgerKills: 200,
  projectorKills: 200,
  contentionClients: [2, 8, 32, 128],
  contentionSeconds: 10,
  loans: 1_000,
  loadClients: 8,
  commands: 100_000,
  redeliveryEvents: 10_000,
  redeliver: 1_000,
  redeliveries: 3,
  simulationSeeds: 300,
  awaitStaleClaims: true,
};

const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const envName = (name: string): string => `PROOF_${kebab(name).replace(/-/g, '_').toUpperCase()}`;

export function parseProofOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ProofOptions {
  const flags = new Map(
    argv
      .filter((arg) => arg.startsWith('--'))
      .map((arg) => {
        const [name, value = 'true'] = arg.slice(2).split('=');
        return [name, value] as const;
      }),
  );
  const raw = (name: string): string | undefined => flags.get(kebab(name)) ?? env[envName(name)];
  const options: Record<string, unknown> = {
    only: (flags.get('only') ?? env.PROOF_ONLY ?? '').split(',').filter((part) => part !== ''),
  };
  for (const [name, fallback] of Object.entries(DEFAULTS)) {
    const value = raw(name);
    if (value === undefined) options[name] = fallback;
    else if (Array.isArray(fallback)) options[name] = value.split(',').map(Number);
    else if (typeof fallback === 'boolean') options[name] = value !== 'false';
    else options[name] = Number(value);
    const parsed = options[name];
    if (
      (typeof parsed === 'number' && !Number.isFinite(parsed)) ||
      (Array.isArray(parsed) && parsed.some((item) => !Number.isFinite(item)))
    ) {
      throw new Error(`--${kebab(name)} must be a number (or a comma-separated list), got "${value}"`);
    }
  }
  return options as unknown as ProofOptions;
}
