import { parseVin, vinCheckDigit } from './vin';

describe('VIN validation', () => {
  it.each(['1M8GDM9AXKP042788', '11111111111111111', '1HGCM82633A004352', '5YJ3E1EA2KF317000', 'JHMFA16556S010227'])(
    'accepts the valid VIN %s',
    (vin) => {
      expect(parseVin(vin)).toBe(vin);
    },
  );

  it('computes X for a remainder of 10', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });

  it.each([
    ['a wrong check digit', '1M8GDM9A1KP042788', 'VIN_CHECK_DIGIT'],
    ['a changed character', '1HGCM82633A004353', 'VIN_CHECK_DIGIT'],
    ['16 characters', '1HGCM82633A00435', 'VIN_FORMAT'],
    ['18 characters', '1HGCM82633A0043521', 'VIN_FORMAT'],
    ['the letter I', '1HGCM82633AI04352', 'VIN_FORMAT'],
    ['the letter O', '1HGCM82633AO04352', 'VIN_FORMAT'],
    ['the letter Q', '1HGCM82633AQ04352', 'VIN_FORMAT'],
    ['lower case', '1hgcm82633a004352', 'VIN_FORMAT'],
  ])('refuses %s', (_what, vin, reason) => {
    expect(() => parseVin(vin)).toThrow(expect.objectContaining({ kind: 'InvalidInput', reason }));
  });

  it('refuses a value that is not a string', () => {
    expect(() => parseVin(12345)).toThrow(expect.objectContaining({ reason: 'VIN_FORMAT' }));
  });
});
