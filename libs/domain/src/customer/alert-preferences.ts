import { invalidInput } from '../shared/domain-error';

/** The channels one kind of alert can go out on. */
export interface AlertChannels {
  readonly email: boolean;
  readonly text: boolean;
}

/** The kinds of alert a customer chooses channels for (domain.md, "Customers"). */
export const ALERT_KINDS = ['payment', 'dueDate', 'title', 'statements'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A customer's alert preferences: for each kind, by email and by text. */
export type AlertPreferences = { readonly [Kind in AlertKind]: AlertChannels };

/**
 * The preferences a new customer starts with, recorded on CustomerRegistered so that a later change
 * of defaults never rewrites history. Every alert is a servicing (transactional) message, so email
 * is on; title alerts must be on by default (domain.md, "Payoff, lien release and title"). Text is
 * off until the customer opts in: texting a mobile needs the borrower's express consent (TCPA).
 */
export const DEFAULT_ALERT_PREFERENCES: AlertPreferences = {
  payment: { email: true, text: false },
  dueDate: { email: true, text: false },
  title: { email: true, text: false },
  statements: { email: true, text: false },
};

const isChannels = (value: unknown): value is AlertChannels =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 2 &&
  typeof (value as AlertChannels).email === 'boolean' &&
  typeof (value as AlertChannels).text === 'boolean';

/**
 * Checks a full set of preferences (a PUT replaces them all, so every kind must be present) and
 * returns a copy holding exactly the known fields, so nothing extra reaches an event.
 * InvalidInput ALERT_PREFERENCES_FORMAT names the first faulty kind, e.g. `preferences.title`.
 */
export function parseAlertPreferences(input: unknown, field = 'preferences'): AlertPreferences {
  if (typeof input !== 'object' || input === null) {
    throw invalidInput('ALERT_PREFERENCES_FORMAT', `${field} must name ${ALERT_KINDS.join(', ')}`, field);
  }
  const record = input as Record<string, unknown>;
  for (const kind of ALERT_KINDS) {
    if (!isChannels(record[kind])) {
      const at = `${field}.${kind}`;
      throw invalidInput(
        'ALERT_PREFERENCES_FORMAT',
        `${at} must be exactly { email: boolean, text: boolean }`,
        at,
      );
    }
  }
  const copy = (kind: AlertKind): AlertChannels => {
    const channels = record[kind] as AlertChannels;
    return { email: channels.email, text: channels.text };
  };
  return {
    payment: copy('payment'),
    dueDate: copy('dueDate'),
    title: copy('title'),
    statements: copy('statements'),
  };
}

/** True when two sets of preferences say the same thing (a repeated PUT records nothing). */
export const sameAlertPreferences = (a: AlertPreferences, b: AlertPreferences): boolean =>
  ALERT_KINDS.every((kind) => a[kind].email === b[kind].email && a[kind].text === b[kind].text);
