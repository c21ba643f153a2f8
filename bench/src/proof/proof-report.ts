/** One figure of the proof run, judged against its target when it has one. */
export interface Figure {
  name: string;
  value: string;
  target?: string;
  pass?: boolean;
}

export const judged = (name: string, value: string | number, target: string, pass: boolean): Figure => ({
  name,
  value: String(value),
  target,
  pass,
});
export const reported = (name: string, value: string | number): Figure => ({ name, value: String(value) });
export const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** Prints one line per figure: PASS/FAIL (or INFO without a target), the figure, its value and target. */
export function printFigures(section: string, figures: readonly Figure[]): void {
  console.log(`\n## ${section}`);
  for (const figure of figures) {
    const verdict = figure.pass === undefined ? 'INFO' : figure.pass ? 'PASS' : 'FAIL';
    console.log(
      `${verdict.padEnd(4)}  ${figure.name}: ${figure.value}${figure.target ? `  (target ${figure.target})` : ''}`,
    );
  }
}
