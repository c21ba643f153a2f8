import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built API (npm test builds before the e2e tier). */
const ENTRY = join(__dirname, '..', '..', '..', 'dist', 'apps', 'ledger-api', 'src', 'main.js');

describe('starting the API with a bad variable', () => {
  let dataDir: string;
  beforeAll(() => {
    if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npm run build" first`);
  });
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'ledger-startup-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['LEDGER_PROJECTOR', 'sideways'],
    ['LEDGER_TIME_ZONE', 'Nowhere/Else'],
  ])('%s=%s: exits 1 with one line naming the variable, and no stack trace', (variable, value) => {
    const run = spawnSync(process.execPath, [ENTRY], {
      env: { ...process.env, LEDGER_DATA_DIR: dataDir, PORT: '0', [variable]: value },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^ledger-api: invalid configuration: ${variable}: `));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
