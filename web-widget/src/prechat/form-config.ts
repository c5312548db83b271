/** How the pre-chat form asks for a field (W2: configurable per deployment). */
export type FieldMode = 'required' | 'optional' | 'hidden';

export interface FormConfig {
  name: FieldMode;
  email: FieldMode;
  region: FieldMode;
  /** Offer the language picker (the chat's language, which routing matches to advisors). */
  language: boolean;
}

/** The default form: who you are and how to reach you, where you are if you like. */
export const DEFAULT_FORM: FormConfig = { name: 'required', email: 'required', region: 'optional', language: true };
