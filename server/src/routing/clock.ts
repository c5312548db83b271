/**
 * The time routing and business hours go by. One object per app, so
 * integration tests can move it (`app.services.clock.now = () => …`) and see
 * hours open and close without waiting for a real Monday morning.
 */
export interface Clock {
  now(): Date;
}

export function systemClock(): Clock {
  return { now: () => new Date() };
}
