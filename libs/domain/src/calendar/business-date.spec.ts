import fc from 'fast-check';
import {
  addDays,
  addMonthsClamped,
  BusinessDate,
  daysBetween,
  fromDayNumber,
  parseBusinessDate,
  toDayNumber,
} from './business-date';
import { parseInstant } from './instant';

const d = (text: string): BusinessDate => parseBusinessDate(text);

describe('parseBusinessDate', () => {
  it.each(['2026-01-31', '2028-02-29', '2000-02-29', '2026-12-31'])('accepts %s', (text) => {
    expect(parseBusinessDate(text)).toBe(text);
  });

  //  input            reason
  it.each([
    ['2026-02-29', 'DATE_IMPOSSIBLE'],
    ['2026-02-30', 'DATE_IMPOSSIBLE'],
    ['1900-02-29', 'DATE_IMPOSSIBLE'],
    ['2026-04-31', 'DATE_IMPOSSIBLE'],
    ['2026-13-01', 'DATE_IMPOSSIBLE'],
    ['2026-00-10', 'DATE_IMPOSSIBLE'],
    ['2026-1-10', 'DATE_FORMAT'],
    ['2026-01-10T00:00:00Z', 'DATE_FORMAT'],
    ['20260110', 'DATE_FORMAT'],
    [20260110, 'DATE_FORMAT'],
    ['２０２６-01-10', 'DATE_FORMAT'],
  ])('refuses %p with %s', (input, reason) => {
    expect(() => parseBusinessDate(input, 'scheduledFor')).toThrow(
      expect.objectContaining({ reason, field: 'scheduledFor' }),
    );
  });
});

describe('day arithmetic', () => {
  //  from          to            days
  it.each([
    ['2026-01-10', '2026-02-24', 45],
    ['2026-02-24', '2026-03-24', 28],
    ['2028-02-24', '2028-03-24', 29],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-03-01', '2026-02-01', -28],
    ['1970-01-01', '1970-01-01', 0],
  ])('counts %s to %s as %i days', (from, to, days) => {
    expect(daysBetween(d(from), d(to))).toBe(days);
    expect(addDays(d(from), days)).toBe(to);
  });

  it('agrees with the UTC calendar for every day in 1900..2200', () => {
    const dayMs = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (dayNumber) => {
        const expected = new Date(dayNumber * dayMs).toISOString().slice(0, 10);
        expect(fromDayNumber(dayNumber)).toBe(expected);
        expect(toDayNumber(fromDayNumber(dayNumber))).toBe(dayNumber);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('addMonthsClamped', () => {
  //  anchor        months  result
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2026-02-24', 11, '2027-01-24'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-05-10', 0, '2026-05-10'],
  ])('%s plus %i months is %s', (anchor, months, result) => {
    expect(addMonthsClamped(d(anchor), months)).toBe(result);
  });
});

describe('parseInstant', () => {
  it('accepts UTC instants', () => {
    expect(parseInstant('2026-03-01T14:05:00.000Z')).toBe('2026-03-01T14:05:00.000Z');
  });
  it.each(['2026-03-01T14:05:00+01:00', '2026-02-30T00:00:00Z', 'yesterday', '2026-03-01'])('refuses %p', (input) => {
    expect(() => parseInstant(input, 'asOf')).toThrow(expect.objectContaining({ reason: expect.any(String) }));
  });
});
