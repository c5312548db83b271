import type { FormConfig } from './form-config';

export interface PrechatValues {
  name: string;
  email: string;
  topic: string;
  region: string;
}

/** Catalogue keys of the form's messages. */
export type PrechatErrorKey = 'error.name' | 'error.email' | 'error.emailInvalid' | 'error.topic' | 'error.region';
export type PrechatErrors = Partial<Record<keyof PrechatValues, PrechatErrorKey>>;

// The server checks again with zod's z.email(); this catches typos before a round trip.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/**
 * The form's messages, as catalogue keys: required fields must be filled,
 * an email must look like one, a required topic must be chosen when topics exist.
 */
export function validatePrechat(values: PrechatValues, form: FormConfig, topicsOffered: boolean): PrechatErrors {
  const errors: PrechatErrors = {};
  if (form.name === 'required' && values.name.trim() === '') errors.name = 'error.name';
  const email = values.email.trim();
  if (form.email === 'required' && email === '') errors.email = 'error.email';
  else if (form.email !== 'hidden' && email !== '' && !isEmail(email)) errors.email = 'error.emailInvalid';
  if (topicsOffered && form.topic === 'required' && values.topic === '') errors.topic = 'error.topic';
  if (form.region === 'required' && values.region.trim() === '') errors.region = 'error.region';
  return errors;
}

/** The server takes http(s) page addresses only (a page opened from a file has none worth sending). */
export const webPage = (pageUrl: string | undefined): pageUrl is string =>
  pageUrl !== undefined && /^https?:\/\//i.test(pageUrl);
