import { SettableClock, SystemClock } from './clock';

describe('the settable clock', () => {
  it('stays where it was set until advanced', () => {
    const clock = new SettableClock('2026-03-01T12:00:00.000Z');
    expect(clock.now()).toBe('2026-03-01T12:00:00.000Z');
    clock.advanceBy(90_000);
    expect(clock.now()).toBe('2026-03-01T12:01:30.000Z');
  });

  it('refuses an instant that is not ISO UTC', () => {
    expect(() => new SettableClock().set('2026-03-01 12:00')).toThrow();
  });
});

describe('the system clock', () => {
  it('answers an ISO UTC instant', () => {
    expect(new SystemClock().now()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
