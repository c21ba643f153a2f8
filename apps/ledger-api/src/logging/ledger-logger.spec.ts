import { Writable } from 'node:stream';
import { createLedgerLogger } from './ledger-logger';
import { PinoNestLogger } from './nest-logger';

const capture = () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { lines, logger: createLedgerLogger({ level: 'info', destination }) };
};

const SSN = '123-45-6789';
const BANK_ACCOUNT = '000123456789';
const ROUTING = '021000021';

describe('the ledger logger', () => {
  it('prints neither an SSN nor a bank account number, at any depth', () => {
    const { lines, logger } = capture();
    logger.info({
      ssn: SSN,
      customer: { ssn: SSN, bankAccountNumber: BANK_ACCOUNT },
      request: { body: { fundingSource: { accountNumber: BANK_ACCOUNT, routingNumber: ROUTING } } },
      headers: { authorization: 'Bearer lk_secret' },
    });
    const text = lines.join('');
    for (const secret of [SSN, BANK_ACCOUNT, ROUTING, 'lk_secret']) expect(text).not.toContain(secret);
    expect(text).toContain('[REDACTED]');
  });

  it('writes one JSON object per line with a level label', () => {
    const { lines, logger } = capture();
    logger.warn({ actor: 'ops' }, 'hello');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'warn', msg: 'hello', actor: 'ops', service: 'ledger-api' });
  });

  it('carries Nest messages with their context', () => {
    const { lines, logger } = capture();
    new PinoNestLogger(logger).log('Mapped route', 'RouterExplorer');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', msg: 'Mapped route', context: 'RouterExplorer' });
  });
});
