import { RegisterCustomer } from './customer.commands';
import { context, customerId, customerRegistered, spec, ssnHash } from './customer.fixtures';

const registerCustomer = (data: Partial<RegisterCustomer['data']> = {}): RegisterCustomer => ({
  type: 'RegisterCustomer',
  data: {
    customerId,
    name: 'Ana López',
    email: 'ana.lopez@example.com',
    mobile: '+12025550143',
    ssnHash,
    ...data,
  },
});

describe('RegisterCustomer', () => {
  describe('a customer not yet registered', () => {
    it('is registered on the business date with the default alert preferences', () => {
      spec.given([]).when(registerCustomer(), context).then([customerRegistered]);
    });

    it('starts with title alerts on by email and every text alert off', () => {
      const [registered] = spec.given([]).when(registerCustomer(), context).thenEvents();
      expect(registered.type === 'CustomerRegistered' && registered.data.alertPreferences).toEqual({
        payment: { email: true, text: false },
        dueDate: { email: true, text: false },
        title: { email: true, text: false },
        statements: { email: true, text: false },
      });
    });

    it.each`
      field       | value                      | reason
      ${'name'}   | ${''}                      | ${'NAME_FORMAT'}
      ${'name'}   | ${' Ana'}                  | ${'NAME_FORMAT'}
      ${'email'}  | ${'ana.lopez@example'}     | ${'EMAIL_FORMAT'}
      ${'email'}  | ${'ana lopez@example.com'} | ${'EMAIL_FORMAT'}
      ${'mobile'} | ${'2025550143'}            | ${'MOBILE_FORMAT'}
      ${'mobile'} | ${'+442071838750'}         | ${'MOBILE_FORMAT'}
    `('refuses $field "$value" as InvalidInput $reason', ({ field, value, reason }) => {
      spec
        .given([])
        .when(registerCustomer({ [field]: value }), context)
        .thenRefuses('InvalidInput', reason);
    });

    it.each(['123-45-6789', '123456789', ''])(
      'refuses to record "%s" as the SSN hash, as a programmer error that never repeats it',
      (notAHash) => {
        const decide = () =>
          spec
            .given([])
            .when(registerCustomer({ ssnHash: notAHash }), context)
            .thenEvents();
        expect(decide).toThrow(/^Invariant broken: ssnHash must be a salted hash/);
        expect(decide).not.toThrow(/[0-9]{4}/);
      },
    );
  });

  describe('a registered customer', () => {
    it('refuses a second registration as CUSTOMER_ALREADY_REGISTERED', () => {
      spec
        .given([customerRegistered])
        .when(registerCustomer(), context)
        .thenRefuses('RuleViolated', 'CUSTOMER_ALREADY_REGISTERED');
    });

    it('refuses a second registration with other details too', () => {
      spec
        .given([customerRegistered])
        .when(registerCustomer({ name: 'Ana María López', email: 'ana@example.org' }), context)
        .thenRefuses('RuleViolated', 'CUSTOMER_ALREADY_REGISTERED');
    });
  });
});
