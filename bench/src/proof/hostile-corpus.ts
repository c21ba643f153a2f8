import { authCases, bodyCases } from './hostile/border-cases';
import { dateCases, moneyCases } from './hostile/field-cases';
import { HostileCase } from './hostile/hostile-case';
import { identifierCases } from './hostile/identifier-cases';

export type { HostileCase } from './hostile/hostile-case';
export { FIXTURE, BANK_ACCOUNT, LOAN_PATH } from './hostile/hostile-case';

/**
 * The hostile-input corpus (issue 7): every case names its request and the exact status, and
 * for bad input the field the problem must name. Cases are data, so the e2e spec and the proof
 * runner share them.
 */
export const hostileCorpus = (): HostileCase[] => [
  ...moneyCases(),
  ...dateCases(),
  ...identifierCases(),
  ...authCases(),
  ...bodyCases(),
];
