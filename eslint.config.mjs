import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const bigJsBan = { name: 'big.js', message: 'Only libs/domain/src/money imports big.js.' };
const domainBans = [
  { group: ['@nestjs/*'], message: 'libs/domain is pure: no NestJS.' },
  { group: ['@eventstore/*', 'mongodb', 'better-sqlite3'], message: 'libs/domain is pure: no drivers.' },
  { group: ['class-validator', 'class-transformer'], message: 'Validation belongs to the HTTP border.' },
  { group: ['@ledger/*'], message: 'libs/domain depends on nothing else in the repo.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='parseFloat']", message: 'Money never passes through a JS number.' },
      ],
    },
  },
  {
    // Only the money module may hold big.js.
    files: ['**/*.ts'],
    ignores: ['libs/domain/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [bigJsBan] }] },
  },
  {
    // The domain is pure: no framework, no drivers, no validation library, no clock.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [bigJsBan], patterns: domainBans }],
      'no-restricted-globals': ['error', { name: 'Date', message: 'Time arrives in the command: no clock in the domain.' }],
    },
  },
  {
    files: ['libs/domain/src/money/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: domainBans }] },
  },
  {
    // Tests may use the platform calendar as an independent oracle for the domain's date arithmetic.
    files: ['libs/domain/**/*.spec.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
);
