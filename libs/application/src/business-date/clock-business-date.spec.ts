import { Instant } from '@ledger/domain';
import { ClockBusinessDate } from './clock-business-date';

const at = (instant: string, timeZone: string) =>
  new ClockBusinessDate({ now: () => instant as Instant }, timeZone);

describe('the business date read from the clock', () => {
  it.each([
    ['2026-01-05T14:00:00.000Z', 'America/New_York', '2026-01-05'],
    ['2026-01-06T03:59:59.000Z', 'America/New_York', '2026-01-05'],
    ['2026-01-06T05:00:00.000Z', 'America/New_York', '2026-01-06'],
    ['2026-01-05T23:30:00.000Z', 'Asia/Tokyo', '2026-01-06'],
  ])('at %s in %s is %s', async (instant, timeZone, expected) => {
    await expect(at(instant, timeZone).currentBusinessDate()).resolves.toBe(expected);
  });
});
