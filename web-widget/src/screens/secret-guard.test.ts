import { describe, expect, it } from 'vitest';
import { secretWarning } from './secret-guard';

describe('secretWarning: asks before a likely password or card number is sent', () => {
  it('lets ordinary text through', () => {
    expect(secretWarning('My order 4451-2231 has not arrived, IMEI 490154203237518')).toBeNull();
  });
  it('asks about a card number', () => {
    expect(secretWarning('my card is 4242 4242 4242 4242')).toEqual(['secret.card']);
  });
  it('asks about a password, in any supported language', () => {
    expect(secretWarning('my password is hunter22')).toEqual(['secret.password']);
    expect(secretWarning('мой пароль: qwerty123')).toEqual(['secret.password']);
  });
  it('names both when both appear', () => {
    expect(secretWarning('password: hunter22 and card 4242424242424242')).toEqual(['secret.card', 'secret.password']);
  });
});
