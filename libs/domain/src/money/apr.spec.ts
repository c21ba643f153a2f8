import { Apr } from './apr';
import { DomainError } from '../shared/domain-error';

describe('Apr.parse', () => {
  it.each(['0', '6.49', '36', '35.999', '0.001', '9.9'])('accepts %p', (input) => {
    expect(Apr.parse(input).toString()).toBe(input);
  });

  //  input        reason
  it.each([
    [6.49, 'APR_FORMAT'],
    ['-1', 'APR_FORMAT'],
    ['6.4999', 'APR_FORMAT'],
    ['1e1', 'APR_FORMAT'],
    ['100', 'APR_FORMAT'],
    ['36.001', 'APR_OUT_OF_RANGE'],
    ['99.5', 'APR_OUT_OF_RANGE'],
  ])('refuses %p with %s', (input, reason) => {
    expect(() => Apr.parse(input)).toThrow(expect.objectContaining({ reason }) as DomainError);
  });

  it('gives the monthly fraction APR/1200 exactly', () => {
    expect(Apr.parse('6').monthlyFraction().toString()).toBe('0.005');
    expect(Apr.parse('6.49').yearlyFraction().toString()).toBe('0.0649');
  });
});
