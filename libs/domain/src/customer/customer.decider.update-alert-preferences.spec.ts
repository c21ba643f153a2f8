import { AlertPreferences, DEFAULT_ALERT_PREFERENCES } from './alert-preferences';
import { UpdateAlertPreferences } from './customer.commands';
import { AlertPreferencesUpdated } from './customer.events';
import { customerId, customerRegistered, nextDay, spec } from './customer.fixtures';

const updateAlertPreferences = (preferences: AlertPreferences): UpdateAlertPreferences => ({
  type: 'UpdateAlertPreferences',
  data: { customerId, preferences },
});

const alertPreferencesUpdated = (preferences: AlertPreferences): AlertPreferencesUpdated => ({
  type: 'AlertPreferencesUpdated',
  data: { customerId, ...preferences },
});

const textPaymentAlerts: AlertPreferences = {
  ...DEFAULT_ALERT_PREFERENCES,
  payment: { email: true, text: true },
};
const noTitleAlerts: AlertPreferences = {
  ...DEFAULT_ALERT_PREFERENCES,
  title: { email: false, text: false },
};

// For the refusals: preferences as a caller might send them, bypassing the type.
const malformed = (preferences: unknown): UpdateAlertPreferences =>
  updateAlertPreferences(preferences as AlertPreferences);

describe('UpdateAlertPreferences', () => {
  describe('a customer not yet registered', () => {
    it('refuses as CUSTOMER_NOT_FOUND', () => {
      spec
        .given([])
        .when(updateAlertPreferences(textPaymentAlerts), nextDay)
        .thenRefuses('NotFound', 'CUSTOMER_NOT_FOUND');
    });
  });

  describe('a registered customer with the default preferences', () => {
    const given = spec.given([customerRegistered]);

    it('records the new preferences as a whole', () => {
      given
        .when(updateAlertPreferences(textPaymentAlerts), nextDay)
        .then([alertPreferencesUpdated(textPaymentAlerts)]);
    });

    it('records nothing when the preferences are the ones on file', () => {
      given.when(updateAlertPreferences(DEFAULT_ALERT_PREFERENCES), nextDay).then([]);
    });

    it('records only the known fields when the caller sends extra ones', () => {
      const withExtra = { ...textPaymentAlerts, marketing: { email: true, text: true } };
      given.when(malformed(withExtra), nextDay).then([alertPreferencesUpdated(textPaymentAlerts)]);
    });

    it.each`
      case                                 | preferences                                                                         | field
      ${'no preferences at all'}           | ${null}                                                                             | ${'preferences'}
      ${'a kind left out'}                 | ${{ payment: DEFAULT_ALERT_PREFERENCES.payment }}                                   | ${'preferences.dueDate'}
      ${'a channel that is not a boolean'} | ${{ ...DEFAULT_ALERT_PREFERENCES, title: { email: 'yes', text: false } }}           | ${'preferences.title'}
      ${'a channel left out'}              | ${{ ...DEFAULT_ALERT_PREFERENCES, statements: { email: true } }}                    | ${'preferences.statements'}
      ${'an unknown channel'}              | ${{ ...DEFAULT_ALERT_PREFERENCES, title: { email: true, text: false, fax: true } }} | ${'preferences.title'}
    `('refuses $case as ALERT_PREFERENCES_FORMAT on $field', ({ preferences, field }) => {
      given.when(malformed(preferences), nextDay).thenRefuses('InvalidInput', 'ALERT_PREFERENCES_FORMAT');
      expect(() => given.when(malformed(preferences), nextDay).thenEvents()).toThrow(
        expect.objectContaining({ field }),
      );
    });
  });

  describe('a registered customer who turned title alerts off', () => {
    const given = spec.given([customerRegistered, alertPreferencesUpdated(noTitleAlerts)]);

    it('records title alerts on again', () => {
      given
        .when(updateAlertPreferences(DEFAULT_ALERT_PREFERENCES), nextDay)
        .then([alertPreferencesUpdated(DEFAULT_ALERT_PREFERENCES)]);
    });

    it('records nothing when they are turned off again', () => {
      given.when(updateAlertPreferences(noTitleAlerts), nextDay).then([]);
    });
  });
});
