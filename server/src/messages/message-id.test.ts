import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { messageIdFor } from './message-id.js';

describe('messageIdFor', () => {
  const conversation = new Types.ObjectId('6b122e11194b8ea1103a31d6');

  it('gives a send the same id every time, and other sends other ids', () => {
    expect(messageIdFor(conversation, 'c-1').equals(messageIdFor(conversation, 'c-1'))).toBe(true);
    expect(messageIdFor(conversation, 'c-1').equals(messageIdFor(conversation, 'c-2'))).toBe(false);
    expect(messageIdFor(new Types.ObjectId(), 'c-1').equals(messageIdFor(conversation, 'c-1'))).toBe(false);
  });

  it('is a valid ObjectId, so clients and schemas see the same shape as before', () => {
    expect(Types.ObjectId.isValid(messageIdFor(conversation, 'x').toHexString())).toBe(true);
    expect(messageIdFor(conversation, 'x').toHexString()).toMatch(/^[0-9a-f]{24}$/);
  });
});
