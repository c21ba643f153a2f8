import { parseBusinessDate } from '@ledger/domain';
import { LOANS, randomHistories, storeWithHistory } from './audit.fixtures';
import { explainBalance } from './explain-balance';

const ON = parseBusinessDate('2026-06-30');

describe('explaining a loan balance', () => {
  it.each(randomHistories(20, 21).map((steps, index) => [index, steps] as const))(
    'adds up to the fold for principal, interest, fees and received (history %i)',
    async (_index, steps) => {
      const store = await storeWithHistory(steps);
      for (const streamId of LOANS) {
        const explanation = explainBalance(await store.readStream(streamId), ON);
        expect([explanation.principal, explanation.accruedInterest, explanation.fees, explanation.amountDue.received].map((figure) => figure.consistent)).toEqual([true, true, true, true]);
      }
    },
  );

  it('cites the opening for the principal of a new loan', async () => {
    const store = await storeWithHistory([]);
    const explanation = explainBalance(await store.readStream(LOANS[0]), ON);
    expect(explanation.principal).toMatchObject({
      figure: '25000.00',
      contributions: [{ type: 'LoanOpened', amount: '25000.00', because: 'LoanOpened principal 25000.00 (opening, docs/servicing-rules.md#opening-a-loan)' }],
    });
    expect(explanation.amountDue.formula).toMatch(/^min\(max\(0, billed\(\d+\) /);
  });
});
