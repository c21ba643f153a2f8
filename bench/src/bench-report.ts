/** One measured figure, optionally next to a baseline measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The same work done the simplest possible way, e.g. a bare driver loop. */
  baseline?: number;
  /** value / baseline. */
  ratio?: number;
  /** The figure the ledger must reach: a minimum ratio when there is a baseline, else a minimum value. */
  target?: number;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs `measure` `repeats` times and keeps the median, so one noisy run (shared cores) cannot decide. */
export const medianOf = async (repeats: number, measure: () => Promise<number>): Promise<number> => {
  const values: number[] = [];
  for (let index = 0; index < repeats; index += 1) values.push(await measure());
  return median(values);
};

/**
 * Measures a figure and its baseline in alternation (A B A B ...) and keeps the median of each and
 * the median of the per-pair ratios. On a shared machine the disk's fsync time drifts by several
 * times within a minute; pairing keeps that drift out of the ratio.
 */
export const pairedMedians = async (
  repeats: number,
  measure: () => Promise<number>,
  measureBaseline: () => Promise<number>,
): Promise<{ value: number; baseline: number; ratio: number }> => {
  const values: number[] = [];
  const baselines: number[] = [];
  const ratios: number[] = [];
  for (let index = 0; index < repeats; index += 1) {
    const value = await measure();
    const baseline = await measureBaseline();
    values.push(value);
    baselines.push(baseline);
    ratios.push(value / baseline);
  }
  return { value: median(values), baseline: median(baselines), ratio: median(ratios) };
};

export const withRatio = (result: Omit<BenchResult, 'ratio'>): BenchResult =>
  result.baseline === undefined ? result : { ...result, ratio: result.value / result.baseline };

const format = (value: number | undefined, digits = 0): string =>
  value === undefined ? '' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Prints results as a Markdown table, ready to paste into docs/benchmarks.md. */
export const printResults = (title: string, results: readonly BenchResult[]): void => {
  const lines = [
    `### ${title}`,
    '',
    '| figure | median | unit | baseline | ratio | target | met |',
    '| --- | ---: | --- | ---: | ---: | ---: | --- |',
    ...results.map((result) => {
      const measured = result.ratio ?? result.value;
      const met = result.target === undefined ? '' : measured >= result.target ? 'yes' : 'no';
      return `| ${result.name} | ${format(result.value)} | ${result.unit} | ${format(result.baseline)} | ${format(result.ratio, 2)} | ${format(result.target, result.ratio === undefined ? 0 : 2)} | ${met} |`;
    }),
  ];
  console.log(lines.join('\n'));
};
