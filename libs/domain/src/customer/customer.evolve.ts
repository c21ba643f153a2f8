import { unreachable } from '../shared/assert';
import { CustomerEvent, CustomerRegistered } from './customer.events';
import { CustomerState, RegisteredCustomer, linkedVehicle } from './customer.state';

/**
 * Folds one recorded customer event into the state. A recorded fact is never refused here
 * (STYLE.md rules 1 and 6): `decide` guards what gets appended, and a stream that somehow holds
 * an event out of order (an event before CustomerRegistered, a second registration, a repeated
 * link) must still replay, so such an event leaves the state as it was instead of throwing.
 */
export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  if (event.type === 'CustomerRegistered') {
    return state.status === 'Unregistered' ? registered(event) : state;
  }
  if (state.status === 'Unregistered') return state;
  return evolveRegistered(state, event);
}

const registered = ({ data }: CustomerRegistered): RegisteredCustomer => ({
  status: 'Registered',
  customerId: data.customerId,
  name: data.name,
  email: data.email,
  mobile: data.mobile,
  // Registration takes the number on the customer's word; proof of holding it comes later.
  mobileVerified: false,
  ssnHash: data.ssnHash,
  alertPreferences: data.alertPreferences,
  registeredOn: data.registeredOn,
  vehicles: [],
  creditScores: [],
});

function evolveRegistered(
  state: RegisteredCustomer,
  event: Exclude<CustomerEvent, CustomerRegistered>,
): RegisteredCustomer {
  switch (event.type) {
    case 'ContactDetailsUpdated': {
      const { email, mobile, mobileVerified } = event.data;
      return { ...state, email, mobile, mobileVerified };
    }
    case 'AlertPreferencesUpdated': {
      const { payment, dueDate, title, statements } = event.data;
      return { ...state, alertPreferences: { payment, dueDate, title, statements } };
    }
    case 'VehicleLinked': {
      const { accountNumber, vin, identifiedBy, linkedOn } = event.data;
      // The first link of an account number stands; a repeat adds nothing to the profile.
      if (linkedVehicle(state, accountNumber)) return state;
      return { ...state, vehicles: [...state.vehicles, { accountNumber, vin, identifiedBy, linkedOn }] };
    }
    case 'CreditScoreRecorded': {
      const { score, model, bureau, asOf } = event.data;
      return { ...state, creditScores: [...state.creditScores, { score, model, bureau, asOf }] };
    }
    default:
      return unreachable(event, 'customer event');
  }
}
