import { format, inspect } from 'node:util';
import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { parseSsnFormat, Ssn } from './ssn';

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

// Every issuable SSN: area 001-899 except 666, group 01-99, serial 0001-9999.
const issuableSsn = fc
  .record({
    area: fc.integer({ min: 1, max: 899 }).filter((area) => area !== 666),
    group: fc.integer({ min: 1, max: 99 }),
    serial: fc.integer({ min: 1, max: 9999 }),
    dashed: fc.boolean(),
  })
  .map(({ area, group, serial, dashed }) => {
    const [a, g, s] = [pad(area, 3), pad(group, 2), pad(serial, 4)];
    return { digits: `${a}${g}${s}`, input: dashed ? `${a}-${g}-${s}` : `${a}${g}${s}` };
  });

// Every way an Ssn could turn into text by accident: logs, JSON bodies, template strings, inspection.
const renderings = (ssn: Ssn): string[] => [
  JSON.stringify(ssn),
  JSON.stringify({ borrower: { ssn } }),
  String(ssn),
  `${ssn}`,
  'ssn: ' + ssn,
  inspect(ssn),
  inspect({ ssn }, { showHidden: true, depth: null, getters: true }),
  format('%s %o %O %j', ssn, ssn, ssn, ssn),
  JSON.stringify({ ...ssn }),
  Object.keys(ssn).join(','),
];

describe('parseSsnFormat', () => {
  it('never lets the 9 digits out through JSON.stringify, String() or util.inspect', () => {
    fc.assert(
      fc.property(issuableSsn, ({ digits, input }) => {
        const ssn = parseSsnFormat(input);
        const dashed = `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
        for (const text of renderings(ssn)) {
          expect(text).not.toContain(digits);
          expect(text).not.toContain(dashed);
          expect(text).not.toContain(digits.slice(0, 5));
        }
        expect(ssn.digitsForHashing()).toBe(digits);
        expect(String(ssn)).toBe(`***-**-${digits.slice(5)}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('never repeats refused input in its error message', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{3}-?[0-9]{2}-?[0-9]{4}$/), (input) => {
        try {
          parseSsnFormat(input);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).message).not.toMatch(/[0-9]{2}/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it.each`
    input            | digits
    ${'123-45-6789'} | ${'123456789'}
    ${'123456789'}   | ${'123456789'}
    ${'001-01-0001'} | ${'001010001'}
    ${'899-99-9999'} | ${'899999999'}
    ${'665-12-3456'} | ${'665123456'}
    ${'667123456'}   | ${'667123456'}
  `('accepts $input', ({ input, digits }) => {
    expect(parseSsnFormat(input).digitsForHashing()).toBe(digits);
  });

  it.each`
    input               | why
    ${''}               | ${'empty'}
    ${'12345678'}       | ${'8 digits'}
    ${'1234567890'}     | ${'10 digits'}
    ${'123-456789'}     | ${'one dash of two'}
    ${'12-345-6789'}    | ${'dashes in the wrong places'}
    ${'123 45 6789'}    | ${'spaces for dashes'}
    ${' 123-45-6789'}   | ${'surrounding space'}
    ${'123-45-6789\n'}  | ${'a trailing newline'}
    ${'１２３-45-6789'} | ${'full-width digits'}
    ${'000-12-3456'}    | ${'area 000'}
    ${'666-12-3456'}    | ${'area 666'}
    ${'900-12-3456'}    | ${'area 900'}
    ${'999999999'}      | ${'area 999'}
    ${'123-00-4567'}    | ${'group 00'}
    ${'123-45-0000'}    | ${'serial 0000'}
    ${123456789}        | ${'a number'}
    ${null}             | ${'null'}
  `('refuses $why as InvalidInput SSN_FORMAT on field ssn', ({ input }) => {
    expect(() => parseSsnFormat(input)).toThrow(
      expect.objectContaining({ kind: 'InvalidInput', reason: 'SSN_FORMAT', field: 'ssn' }),
    );
  });
});
