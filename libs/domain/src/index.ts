export * from './shared/brand';
export * from './shared/domain-error';
export * from './shared/decider';
export * from './shared/assert';
export * from './money/money';
export * from './money/apr';
export * from './calendar/business-date';
export * from './calendar/instant';
