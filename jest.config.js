// Three tiers, selected with --selectProjects:
//   unit         *.spec.ts       pure, no I/O beyond temp SQLite files
//   integration  *.int-spec.ts   production adapters; connection strings come from the environment
//   e2e          *.e2e-spec.ts   through HTTP
const moduleNameMapper = {
  '^@ledger/(domain|event-store|application|read-models|config|sqlite)$': '<rootDir>/libs/$1/src/index.ts',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
};
const tier = (displayName, suffix) => ({
  displayName,
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: [`<rootDir>/{apps,libs,test}/**/*.${suffix}.ts`],
  transform,
  moduleNameMapper,
});

module.exports = {
  projects: [tier('unit', 'spec'), tier('integration', 'int-spec'), tier('e2e', 'e2e-spec')],
};
