/** A nominal type: a value of `Brand<string, 'AccountNumber'>` can only come from its validating constructor. */
export type Brand<T, Name extends string> = T & { readonly __brand: Name };
