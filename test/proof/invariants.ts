// The checks live in bench/src/proof/ so the compiled `npm run proof` runner shares them with jest
// (tsconfig.build.json excludes test/**); this file is their entry point for the specs.
export { checkAllInvariants, describeViolations } from '../../bench/src/proof/invariants';
export type { InvariantReport, InvariantViolation } from '../../bench/src/proof/invariants';
export { referenceBalances, checkLoanBalances } from '../../bench/src/proof/balance-invariants';
export { checkReadModels } from '../../bench/src/proof/read-model-invariants';
