import { isUsMobileE164, parseCustomerName, parseEmail, parseUsMobile } from './contact-details';
import { customerStreamId, parseCustomerId } from './customer-id';

// An address of exactly `length` (254 or 255) characters: a 64-character local part and a domain
// of 60 + 1 + 60 + 1 + (length - 191) + 4 characters.
const emailOfLength = (length: number): string =>
  `${'l'.repeat(64)}@${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(length - 191)}.com`;

describe('isUsMobileE164', () => {
  it.each(['+12025550143', '+19175551234', '+13125550178', '+18005550199', '+12222222222'])(
    'accepts %s',
    (mobile) => {
      expect(isUsMobileE164(mobile)).toBe(true);
      expect(parseUsMobile(mobile)).toBe(mobile);
    },
  );

  it.each`
    mobile               | why
    ${'2025550143'}      | ${'no +1'}
    ${'12025550143'}     | ${'no +'}
    ${'+1202555014'}     | ${'9 digits'}
    ${'+120255501434'}   | ${'11 digits'}
    ${'+10255550143'}    | ${'an area code starting with 0'}
    ${'+11255550143'}    | ${'an area code starting with 1'}
    ${'+12020550143'}    | ${'an exchange starting with 0'}
    ${'+12021550143'}    | ${'an exchange starting with 1'}
    ${'+442071838750'}   | ${'a UK number'}
    ${'+1 202 555 0143'} | ${'spaces'}
    ${'+1-202-555-0143'} | ${'dashes'}
    ${'+12025550143 '}   | ${'a trailing space'}
    ${12025550143}       | ${'a number'}
  `('refuses $why as MOBILE_FORMAT', ({ mobile }) => {
    expect(isUsMobileE164(mobile)).toBe(false);
    expect(() => parseUsMobile(mobile)).toThrow(
      expect.objectContaining({ reason: 'MOBILE_FORMAT', field: 'mobile' }),
    );
  });
});

describe('parseEmail', () => {
  it.each([
    'ana@example.com',
    'ana.lopez+loans@mail.example.co',
    'a@b.io',
    "o'neil@example.com",
    emailOfLength(254),
  ])('accepts %s', (email) => {
    expect(parseEmail(email)).toBe(email);
  });

  it.each`
    email                              | why
    ${''}                              | ${'empty'}
    ${'ana'}                           | ${'no @'}
    ${'ana@'}                          | ${'no domain'}
    ${'@example.com'}                  | ${'no local part'}
    ${'ana@example'}                   | ${'an undotted domain'}
    ${'ana@@example.com'}              | ${'two @'}
    ${'ana lopez@example.com'}         | ${'a space'}
    ${'ana@example..com'}              | ${'an empty label'}
    ${'ana@example.com.'}              | ${'a trailing dot'}
    ${'ana\u0000@example.com'}         | ${'a control character'}
    ${`${'l'.repeat(65)}@example.com`} | ${'a local part of 65 characters'}
    ${emailOfLength(255)}              | ${'255 characters'}
    ${42}                              | ${'a number'}
  `('refuses $why as EMAIL_FORMAT', ({ email }) => {
    expect(() => parseEmail(email)).toThrow(
      expect.objectContaining({ reason: 'EMAIL_FORMAT', field: 'email' }),
    );
  });
});

describe('parseCustomerName', () => {
  it.each(['Ana López', "Mary-Kate O'Neil", 'Nguyễn Văn An', 'X', 'a'.repeat(200)])('accepts %s', (name) => {
    expect(parseCustomerName(name)).toBe(name);
  });

  it.each(['', ' ', ' Ana', 'Ana ', 'Ana\nLópez', 'Ana\u0007', 'a'.repeat(201)])(
    'refuses %j as NAME_FORMAT',
    (name) => {
      expect(() => parseCustomerName(name)).toThrow(
        expect.objectContaining({ reason: 'NAME_FORMAT', field: 'name' }),
      );
    },
  );
});

describe('parseCustomerId', () => {
  it.each(['C-1001', 'c_1', '0', 'a'.repeat(64), 'CUST-2026-000123'])('accepts %s', (id) => {
    expect(parseCustomerId(id)).toBe(id);
  });

  it.each(['', 'a'.repeat(65), 'C 1001', 'C/1001', 'C-1001\n', 'Ćustomer', 1001])(
    'refuses %j as CUSTOMER_ID_FORMAT',
    (id) => {
      expect(() => parseCustomerId(id)).toThrow(expect.objectContaining({ reason: 'CUSTOMER_ID_FORMAT' }));
    },
  );

  it('names the stream customer-{customerId}', () => {
    expect(customerStreamId(parseCustomerId('C-1001'))).toBe('customer-C-1001');
  });
});
