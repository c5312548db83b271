/// <reference lib="dom" />
import { renderSystemMessage } from '@switchboard/shared/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { expectAccessible } from '../support/axe.js';
import { createDepartment, openDesk } from '../routing/routing-support.js';
import { openWidget, shot, startHarness, type Harness } from './widget-harness.js';

/**
 * A chat no advisor ever answered (closed by a supervisor from Idle sessions,
 * say) ends without "How did we do?": there is nothing to rate. One an
 * advisor answered still asks.
 */
// Once more on failure: CI under full load (12-07) once saw a chat started here never show its
// advisor, and the test after it the same; a failed wait now says what the widget and the
// database showed (printed as well, so a retry that passes still leaves it in the log). A real
// fault fails both times.
describe('the end screen of a chat nobody answered (Chromium)', { retry: 1 }, () => {
  let harness: Harness;
  let desk: TestAgentDesk;

  beforeAll(async () => {
    harness = await startHarness(import.meta.filename);
    const department = await createDepartment(harness.server, {
      name: 'Orders',
      topics: [{ key: 'delivery', labels: { en: 'Delivery and orders' } }],
      languages: ['en'],
    });
    desk = await openDesk(harness.server, { displayName: 'Lei', departmentIds: [department.id], languages: ['en'] });
  });
  afterAll(async () => {
    desk.disconnect();
    await harness.close();
  });

  async function startChat() {
    const page = await harness.browser.context.newPage();
    const frame = await openWidget(page, harness);
    await frame.getByLabel('Your name').fill('Marie');
    await frame.getByLabel('Email').fill('marie@example.com');
    await frame.getByLabel('Topic').selectOption('delivery');
    await frame.getByRole('button', { name: 'Start chat' }).click();
    // Lei is online: routing assigns the chat at once.
    await expect
      .poll(() => frame.locator('.sb-header .sb-title').textContent(), { timeout: 15_000 })
      .toBe('Lei')
      .catch(async (error: unknown) => {
        const chats = await harness.server.app.mongo
          .collection('conversations')
          .find({}, { projection: { status: 1, agentId: 1, departmentId: 1, createdAt: 1 } })
          .toArray();
        const seen = `no advisor in the header; the widget shows «${(await frame.locator('body').innerText()).replace(/\s*\n\s*/g, ' / ')}»; stored chats: ${JSON.stringify(chats)}`;
        // eslint-disable-next-line no-console -- kept in the log even when the retry passes
        console.error(`[unanswered-end] ${seen}`);
        throw new Error(seen, { cause: error });
      });
    const stored = await harness.server.app.mongo.collection('conversations').findOne({ status: 'active' });
    return { page, frame, stored: stored! };
  }

  async function chatUntilClosed(answer: boolean) {
    const { page, frame, stored } = await startChat();
    const conversationId = stored._id.toHexString();
    desk.log(conversationId);
    if (answer) expect(await desk.send(conversationId, 'Hi Marie, Lei here.')).toMatchObject({ ok: true });
    expect(await desk.request('conversation.close', { conversationId, disposition: 'no-response' })).toMatchObject({
      ok: true,
    });
    await expect.poll(() => frame.getByText('Chat ended').isVisible()).toBe(true);
    return { page, frame };
  }

  it('offers the transcript and a new chat, but no rating, when no advisor wrote', async () => {
    const { page, frame } = await chatUntilClosed(false);
    await shot(page, 'end-unanswered');
    expect(await frame.getByRole('radio', { name: '5 stars' }).count()).toBe(0);
    expect(await frame.getByRole('button', { name: 'Send feedback' }).count()).toBe(0);
    expect(await frame.getByRole('button', { name: 'Send transcript' }).isVisible()).toBe(true);
    await frame.getByRole('button', { name: 'Start a new chat' }).click();
    await expect.poll(() => frame.getByRole('button', { name: 'Start chat' }).isVisible()).toBe(true);
    await page.close();
  });

  it('still asks for a rating once an advisor answered', async () => {
    const { page, frame } = await chatUntilClosed(true);
    await expect.poll(() => frame.getByRole('radio', { name: '5 stars' }).count()).toBe(1);
    await page.close();
  });

  it('lets the customer end it from the header: asked first, then one closing line', async () => {
    const { page, frame, stored } = await startChat();
    const header = frame.locator('.sb-header');
    const dialog = frame.getByRole('alertdialog', { name: 'End this chat?' });
    // Second thoughts: Escape keeps the chat going.
    await header.getByRole('button', { name: 'End chat' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await shot(page, 'end-confirm');
    await expectAccessible(frame, 'the question before the customer ends the chat');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await header.getByRole('button', { name: 'End chat' }).click();
    await dialog.getByRole('button', { name: 'End chat' }).click();
    await expect.poll(() => frame.getByText('Chat ended').isVisible()).toBe(true);
    const ended = renderSystemMessage('conversation.closed', { caseNumber: String(stored.caseNumber) }, 'en');
    await expect
      .poll(() => frame.locator('.sb-system', { hasText: 'This chat has ended' }).allInnerTexts())
      .toEqual([ended]);
    await page.close();
  });
});
