import { EmailAddress, UsMobileNumber } from './contact-details';
import { UpdateContactDetails } from './customer.commands';
import { ContactDetailsUpdated } from './customer.events';
import { customerId, customerRegistered, nextDay, spec } from './customer.fixtures';

const updateContactDetails = (
  data: Omit<UpdateContactDetails['data'], 'customerId'>,
): UpdateContactDetails => ({
  type: 'UpdateContactDetails',
  data: { customerId, ...data },
});

const contactDetailsUpdated = (data: {
  email?: string;
  mobile?: string;
  mobileVerified: boolean;
}): ContactDetailsUpdated => ({
  type: 'ContactDetailsUpdated',
  data: {
    customerId,
    email: (data.email ?? customerRegistered.data.email) as EmailAddress,
    mobile: (data.mobile ?? customerRegistered.data.mobile) as UsMobileNumber,
    mobileVerified: data.mobileVerified,
  },
});

const mobileVerified = contactDetailsUpdated({ mobileVerified: true });

describe('UpdateContactDetails', () => {
  describe('a customer not yet registered', () => {
    it('refuses as CUSTOMER_NOT_FOUND', () => {
      spec
        .given([])
        .when(updateContactDetails({ email: 'ana@example.org' }), nextDay)
        .thenRefuses('NotFound', 'CUSTOMER_NOT_FOUND');
    });
  });

  describe('a registered customer whose mobile is not verified', () => {
    const given = spec.given([customerRegistered]);

    it('records a new email with the mobile unchanged and still unverified', () => {
      given
        .when(updateContactDetails({ email: 'ana@example.org' }), nextDay)
        .then([contactDetailsUpdated({ email: 'ana@example.org', mobileVerified: false })]);
    });

    it('records the mobile as verified when the application vouches for it', () => {
      given.when(updateContactDetails({ mobileVerified: true }), nextDay).then([mobileVerified]);
    });

    it('records nothing when the details given are the ones on file', () => {
      given
        .when(
          updateContactDetails({
            email: customerRegistered.data.email,
            mobile: customerRegistered.data.mobile,
          }),
          nextDay,
        )
        .then([]);
    });

    it('refuses a command that names nothing to change as CONTACT_DETAILS_EMPTY', () => {
      given.when(updateContactDetails({}), nextDay).thenRefuses('InvalidInput', 'CONTACT_DETAILS_EMPTY');
    });

    it('refuses a malformed email as EMAIL_FORMAT', () => {
      given
        .when(updateContactDetails({ email: 'ana@' }), nextDay)
        .thenRefuses('InvalidInput', 'EMAIL_FORMAT');
    });

    it('refuses a mobile outside the US as MOBILE_FORMAT', () => {
      given
        .when(updateContactDetails({ mobile: '+525512345678' }), nextDay)
        .thenRefuses('InvalidInput', 'MOBILE_FORMAT');
    });

    it('refuses a mobileVerified that is not a boolean as MOBILE_VERIFIED_FORMAT', () => {
      const command = updateContactDetails({ mobileVerified: 'yes' as unknown as boolean });
      given.when(command, nextDay).thenRefuses('InvalidInput', 'MOBILE_VERIFIED_FORMAT');
    });
  });

  describe('a registered customer whose mobile is verified', () => {
    const given = spec.given([customerRegistered, mobileVerified]);

    it('records a new mobile as unverified: a verification belongs to a number', () => {
      given
        .when(updateContactDetails({ mobile: '+13125550178' }), nextDay)
        .then([contactDetailsUpdated({ mobile: '+13125550178', mobileVerified: false })]);
    });

    it('records a new mobile as verified when the application proved it in the same step', () => {
      given
        .when(updateContactDetails({ mobile: '+13125550178', mobileVerified: true }), nextDay)
        .then([contactDetailsUpdated({ mobile: '+13125550178', mobileVerified: true })]);
    });

    it('keeps the verification when only the email changes', () => {
      given
        .when(updateContactDetails({ email: 'ana@example.org' }), nextDay)
        .then([contactDetailsUpdated({ email: 'ana@example.org', mobileVerified: true })]);
    });

    it('records nothing when the same mobile is given again', () => {
      given.when(updateContactDetails({ mobile: customerRegistered.data.mobile }), nextDay).then([]);
    });

    it('records the mobile as unverified when the application withdraws the verification', () => {
      given
        .when(updateContactDetails({ mobileVerified: false }), nextDay)
        .then([contactDetailsUpdated({ mobileVerified: false })]);
    });
  });
});
