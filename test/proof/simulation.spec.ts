import fc from 'fast-check';
import { simulatePortfolio, SimulationOptions } from '../../bench/src/proof/simulation/portfolio-simulation';
import { describeViolations } from './invariants';

const portfolio = (seed: number): SimulationOptions => ({
  seed,
  loans: 3,
  clients: 3,
  stepsPerClient: 15,
  faultRate: 0.1,
});

describe('a seeded portfolio simulation over the application layer', () => {
  it('keeps every invariant whatever the seed: failures before and after appends, retries, interleavings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (seed) => {
        const result = await simulatePortfolio(portfolio(seed));
        if (result.violations.length > 0)
          throw new Error(`seed ${seed}:\n${describeViolations(result.violations)}`);
      }),
      { numRuns: 40 },
    );
  });

  it('replays a seed exactly: the same trace and the same log, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (seed) => {
        const first = await simulatePortfolio(portfolio(seed));
        const second = await simulatePortfolio(portfolio(seed));
        expect(second.trace).toEqual(first.trace);
        expect(second.digest).toBe(first.digest);
      }),
      { numRuns: 10 },
    );
  });

  it('really injects faults on both sides of the append and really interleaves clients', async () => {
    const result = await simulatePortfolio({ ...portfolio(7), stepsPerClient: 40 });
    expect(result.faults.before).toBeGreaterThan(0);
    expect(result.faults.after).toBeGreaterThan(0);
    expect(result.trace.some((line) => / ok after [2-9]/.test(line))).toBe(true);
  });
});
