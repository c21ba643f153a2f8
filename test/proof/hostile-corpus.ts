// The corpus is data in bench/src/proof/ so `npm run proof` (compiled; tsconfig.build.json
// excludes test/**) and the jest spec run the very same cases.
export { hostileCorpus, FIXTURE, BANK_ACCOUNT, LOAN_PATH } from '../../bench/src/proof/hostile-corpus';
export type { HostileCase } from '../../bench/src/proof/hostile-corpus';
export { runHostileCase, seedHostileFixture } from '../../bench/src/proof/hostile-runner';
