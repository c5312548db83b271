/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent } from '../support/agent-client.js';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { expectAccessible } from '../support/axe.js';
import { createDepartment, openDesk } from '../routing/routing-support.js';
import { openAsNewVisitor, resizeViewport, shot, startHarness, type Harness } from './widget-harness.js';

/** What the widget says, in each of its languages, when a limit or a block stops the visitor. */
const TEXTS = {
  en: {
    tooFast: "You're sending messages very quickly. We'll send this one in a moment.",
    blocked: "Chat isn't available. If you still need help, please contact us another way.",
  },
  fr: {
    tooFast: 'Vous envoyez des messages très rapidement. Nous enverrons celui-ci dans un instant.',
    blocked: 'Le chat n’est pas disponible. Si vous avez encore besoin d’aide, contactez-nous par un autre moyen.',
  },
  ru: {
    tooFast: 'Вы отправляете сообщения очень быстро. Мы отправим это сообщение через несколько секунд.',
    blocked: 'Чат недоступен. Если вам всё ещё нужна помощь, свяжитесь с нами другим способом.',
  },
  'zh-Hans': {
    tooFast: '您发送消息的速度太快了，我们稍后会发送这条消息。',
    blocked: '在线聊天暂不可用。如仍需帮助，请通过其他方式联系我们。',
  },
  'zh-Hant': {
    tooFast: '您傳送訊息的速度太快了，我們稍後會送出這則訊息。',
    blocked: '線上聊天目前無法使用。如仍需協助，請透過其他方式與我們聯絡。',
  },
} as const;

/**
 * A visitor who meets the message rate limit is told so in their language
 * (and the messages go out once it allows); a blocked visitor's widget says
 * politely that chat is not available, in every language, on a phone too.
 */
describe('the widget explains limits and blocks (Chromium)', () => {
  let harness: Harness;
  let desk: TestAgentDesk;
  let page: Page;
  let departmentId = '';

  beforeAll(async () => {
    harness = await startHarness(import.meta.filename, undefined, { CUSTOMER_MESSAGE_RATE: '3' });
    const department = await createDepartment(harness.server, {
      name: 'Orders',
      topics: [{ key: 'delivery', labels: { en: 'Delivery', fr: 'Livraison' } }],
      languages: ['en', 'fr', 'ru', 'zh-Hans', 'zh-Hant'],
    });
    departmentId = department.id;
    desk = await openDesk(
      harness.server,
      { displayName: 'Lei', departmentIds: [departmentId], languages: ['fr'] },
      'online',
    );
    page = await harness.browser.context.newPage();
  });
  afterAll(async () => {
    desk.disconnect();
    await harness.close();
  });

  it('tells a visitor who types too fast, in French, and sends everything once the limit allows', async () => {
    const frame = await openAsNewVisitor(page, harness, "Switchboard('setLocale', 'fr')");
    await frame.locator('#sb-name').fill('Marie');
    await frame.locator('#sb-email').fill('marie@example.com');
    await frame.locator('#sb-topic').selectOption('delivery');
    await frame.locator('button[type="submit"]').click();
    await expect.poll(() => frame.locator('.sb-header .sb-title').textContent(), { timeout: 15_000 }).toBe('Lei');
    const composer = frame.locator('textarea');
    for (let i = 1; i <= 6; i += 1) {
      await composer.fill(`message ${i}`);
      await composer.press('Enter');
    }
    await expect.poll(() => frame.getByText(TEXTS.fr.tooFast).first().isVisible()).toBe(true);
    await shot(page, 'fr-desktop-too-fast');
    await expectAccessible(frame, 'the too-fast notice, messages waiting (fr)');
    await resizeViewport(page, frame, { width: 375, height: 740 });
    await shot(page, 'fr-phone-too-fast');
    await resizeViewport(page, frame, { width: 1280, height: 800 });
    // Never a silent failure, and nothing lost: all six arrive once the window has passed.
    const stored = () =>
      harness.server.app.mongo.collection('messages').countDocuments({ body: { $regex: '^message [1-6]$' } });
    await expect.poll(stored, { timeout: 30_000 }).toBe(6);
    await expect.poll(() => frame.getByText(TEXTS.fr.tooFast).count()).toBe(0);
  });

  it('shows a blocked visitor that chat is not available, in each of the five languages', async () => {
    const frame = await openAsNewVisitor(page, harness, "Switchboard('setLocale', 'ru')");
    await frame.locator('#sb-name').fill('Тролль');
    await frame.locator('#sb-email').fill('troll@example.com');
    await frame.locator('#sb-topic').selectOption('delivery');
    await frame.locator('button[type="submit"]').click();
    // Waiting in the queue (Lei speaks French only): a supervisor blocks them from there.
    const find = () => harness.server.app.mongo.collection('conversations').findOne({ 'prechat.name': 'Тролль' });
    await expect.poll(async () => (await find()) !== null).toBe(true);
    const conversation = await find();
    const supervisor = await createSignedInAgent(harness.server, { role: 'supervisor' });
    const blocked = await agentFetch(
      harness.server.url,
      supervisor,
      `/api/conversations/${conversation!._id.toHexString()}/block`,
      {
        method: 'POST',
        body: { reason: 'Insults', duration: '24h' },
      },
    );
    expect(blocked.status).toBe(201);
    await expect.poll(() => frame.getByText(TEXTS.ru.blocked).isVisible(), { timeout: 15_000 }).toBe(true);
    await shot(page, 'ru-desktop-blocked');
    await expectAccessible(frame, 'the blocked notice (ru)');
    await resizeViewport(page, frame, { width: 375, height: 740 });
    await shot(page, 'ru-phone-blocked');
    await resizeViewport(page, frame, { width: 1280, height: 800 });
    // The same visitor in every language: the page switches the widget's language.
    for (const locale of ['en', 'fr', 'zh-Hans', 'zh-Hant'] as const) {
      await page.evaluate(
        (tag) => (window as unknown as { Switchboard(...args: unknown[]): void }).Switchboard('setLocale', tag),
        locale,
      );
      await expect.poll(() => frame.getByText(TEXTS[locale].blocked).isVisible()).toBe(true);
      await shot(page, `${locale}-desktop-blocked`);
      await expectAccessible(frame, `the blocked notice (${locale})`);
    }
    // Nothing of theirs reaches the agent any more: the chat has ended.
    expect(
      (await harness.server.app.mongo.collection('conversations').findOne({ _id: conversation!._id }))?.status,
    ).toBe('closed');
  });
});
