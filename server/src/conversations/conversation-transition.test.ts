import type { MessageView } from '@switchboard/shared';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { ConversationDocument } from './conversation.model.js';
import { createStateChanges } from './conversation-transition.js';

const changed = {
  _id: new Types.ObjectId(),
  caseNumber: 'C-1',
  status: 'active',
  language: 'en',
  lastSeq: 4,
  queuedAt: new Date(),
} as unknown as ConversationDocument;

/** A state-change function over recording fakes: every step lands in `steps`, in order. */
function harness(options: { lineFails?: boolean } = {}) {
  const steps: string[] = [];
  const changeState = createStateChanges({
    messages: {
      storeSystem: (_conversation, event, _params, lineOptions) => {
        steps.push(`store ${event}${lineOptions?.publish ? ' +publish' : ''}`);
        if (options.lineFails) return Promise.reject(new Error('database down'));
        const message = { id: 'm5', seq: 5, internal: false } as MessageView;
        return Promise.resolve({ message, duplicate: false, admission: null });
      },
      liveState: {
        publish: () => {
          steps.push('publish');
          return Promise.resolve();
        },
      } as never,
    },
    broadcast: {
      messageCreated: (message) => steps.push(`broadcast line ${message.seq}`),
      conversationUpdated: (view) => steps.push(`broadcast view lastSeq=${view.lastSeq}`),
    },
    onSideEffectFailed: (_error, what) => steps.push(`failed: ${what}`),
  });
  return { steps, changeState };
}

describe('changeState', () => {
  it('writes, prepares, stores the line with the change mirrored, then broadcasts line and view', async () => {
    const { steps, changeState } = harness();
    const done = await changeState({
      write: () => {
        steps.push('write');
        return Promise.resolve(changed);
      },
      prepare: () => steps.push('prepare'),
      line: () => ({ event: 'conversation.assigned', params: { agentName: 'Ada' } }),
    });
    expect(steps).toEqual([
      'write',
      'prepare',
      'store conversation.assigned +publish',
      'broadcast line 5',
      'broadcast view lastSeq=5',
    ]);
    expect(done?.view.lastSeq).toBe(5);
  });

  it('does nothing more when the write no longer matched', async () => {
    const { steps, changeState } = harness();
    const done = await changeState({
      write: () => Promise.resolve(null),
      prepare: () => steps.push('prepare'),
      line: () => ({ event: 'conversation.closed' }),
    });
    expect(done).toBeNull();
    expect(steps).toEqual([]);
  });

  it('a line that cannot be stored leaves the change standing: mirrored on its own and the view still told', async () => {
    const { steps, changeState } = harness({ lineFails: true });
    const done = await changeState({
      write: () => Promise.resolve(changed),
      line: () => ({ event: 'conversation.transferred', params: { agentName: 'Ada' } }),
    });
    expect(steps).toEqual([
      'store conversation.transferred +publish',
      'failed: the conversation.transferred line was not stored',
      'publish',
      'broadcast view lastSeq=4',
    ]);
    expect(done?.message).toBeNull();
  });
});
