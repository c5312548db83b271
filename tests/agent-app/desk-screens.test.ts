import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AgentPrincipal } from '@switchboard/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type TestAgent } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { assertAgentAppBuilt, chatTab, launchChromium, screenshotDir, signInToDesk } from './browser.js';

/** The widths the desk must work at: a phone, a tablet, a small laptop, a laptop, a desktop. */
const SCREENS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const principalOf = ({ agent }: TestAgent): AgentPrincipal => ({
  id: agent.id,
  role: agent.role,
  displayName: agent.displayName,
  departmentIds: agent.departmentIds,
  languages: agent.languages,
  capacity: agent.capacity,
});

/** Nothing wider than the window: no sideways scrolling anywhere on the page. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && element.getClientRects().length > 0)
      // Inside a scroller of its own (the tab strip) is fine: the page itself does not move.
      .filter((element) => !element.closest('.tabs, .messages__scroller'))
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
  });

describe('the agent desk from a phone to a desktop', () => {
  let server: TestServer;
  let browser: Browser;
  let lei: TestAgent;
  const people: { disconnect(): void }[] = [];
  const shots = screenshotDir();

  async function chatWith(agent: TestAgent, name: string, text: string, language: 'en' | 'zh-Hans' = 'en') {
    const customer = new TestCustomer(server.url);
    people.push(customer);
    await customer.connect();
    const { conversation } = await customer.start({ name, topic: 'iphone-battery', language });
    // Routing may have given it to this (online) agent already; anyone else would fail the test below.
    await server.app.services.conversations.assign(conversation.id, principalOf(agent)).catch(() => undefined);
    const stored = await server.app.services.conversations.load(conversation.id);
    expect(stored?.agentId?.toHexString()).toBe(principalOf(agent).id);
    await customer.send(conversation.id, text);
    return { customer, conversationId: conversation.id, caseNumber: conversation.caseNumber };
  }

  beforeAll(async () => {
    assertAgentAppBuilt();
    mkdirSync(shots, { recursive: true });
    server = await startTestServer({ testFile: import.meta.filename });
    browser = await launchChromium();
    lei = await createAgent(server, { displayName: 'Lei Zhang', capacity: 6, languages: ['en', 'zh-Hans'] });
  });
  afterAll(async () => {
    for (const person of people) person.disconnect();
    await browser.close();
    await server.stop();
  });

  it('is usable at 390, 768, 1024, 1280 and 1920 px: no sideways scrolling, the case number on one line', async () => {
    // Two customers with the same name: their tabs must still tell them apart.
    const first = await chatWith(lei, 'Carol Jensen', 'My iPhone battery drains overnight, even in flight mode.');
    const second = await chatWith(lei, 'Carol Jensen', 'Hello? I ordered a case two weeks ago and it never came.');
    await chatWith(lei, '王小明', '我的耳机左边没有声音，已经重置过了，还是不行。', 'zh-Hans');
    const page = await browser.newPage({ viewport: SCREENS[3] });
    await signInToDesk(page, server.url, lei);
    await expect.poll(() => page.locator('.inbox-item').count()).toBe(3);
    await page.locator('.inbox-item').first().click();
    await page.locator('.inbox-item').nth(1).click();
    await chatTab(page, first.caseNumber).waitFor();
    await chatTab(page, second.caseNumber).waitFor();

    for (const screen of SCREENS) {
      await page.setViewportSize(screen);
      const narrow = screen.width < 600;
      if (narrow) {
        // A phone shows the inbox or one chat: the inbox first, then the chat picked, with a way back.
        await page.getByRole('button', { name: 'Back to my chats' }).click();
        await expect.poll(() => page.locator('.inbox').isVisible()).toBe(true);
        expect(await page.locator('.desk__chat').isVisible()).toBe(false);
        await page.screenshot({ path: path.join(shots, `desk-${screen.width}-inbox.png`) });
        expect((await overflow(page)).wide).toEqual([]);
        // Same name as the first: the inbox tells them apart by case number.
        await page.locator('.inbox-item', { hasText: second.caseNumber }).click();
        await expect.poll(() => page.locator('.desk__chat').isVisible()).toBe(true);
        expect(await page.locator('.inbox').isVisible()).toBe(false);
      }
      const composer = page.locator('textarea.composer__input');
      await composer.waitFor();
      expect(await composer.isVisible()).toBe(true);
      const box = await composer.boundingBox();
      expect(box?.width).toBeGreaterThan(narrow ? 300 : 320);
      // The case number is one line, whatever the width.
      const caseLines = await page
        .locator('.chat__case')
        .evaluate((element) =>
          Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)),
        );
      expect(caseLines, `case number at ${screen.width}px`).toBe(1);
      const measured = await overflow(page);
      expect(measured.wide, `too wide at ${screen.width}px`).toEqual([]);
      expect(measured.scrollWidth).toBeLessThanOrEqual(measured.width);
      await page.screenshot({ path: path.join(shots, `desk-${screen.width}.png`) });

      // Below 1280 px the customer panel folds away behind a button and opens over the chat.
      const side = page.locator('.desk__side');
      if (screen.width < 1280) {
        expect(await page.getByRole('heading', { name: 'Customer' }).isVisible()).toBe(false);
        await page.getByRole('button', { name: 'Customer details' }).click();
        await page.getByRole('heading', { name: 'Customer' }).waitFor();
        expect((await overflow(page)).wide).toEqual([]);
        await page.screenshot({ path: path.join(shots, `desk-${screen.width}-customer.png`) });
        await side.getByRole('button', { name: 'Close customer details' }).click();
        await expect.poll(() => page.getByRole('heading', { name: 'Customer' }).isVisible()).toBe(false);
      } else {
        expect(await page.getByRole('heading', { name: 'Customer' }).isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: 'Customer details' }).isVisible()).toBe(false);
      }
    }
    await page.close();
  }, 120_000);

  it('drops a reassigned chat from the old agent’s open desk at once, saying why, with no composer left', async () => {
    const marie = await createAgent(server, { displayName: 'Marie', capacity: 3 });
    const mia = await TestAgentDesk.open(server, { displayName: 'Mia', capacity: 3 });
    const sam = await TestAgentDesk.open(server, { displayName: 'Sam', role: 'supervisor' });
    people.push(mia, sam);
    const chat = await chatWith(marie, 'Yusuf Demir', 'Is anyone there?');
    const page = await browser.newPage({ viewport: SCREENS[3] });
    await signInToDesk(page, server.url, marie);
    await page.getByRole('radio', { name: 'Online' }).click();
    await page.locator('.inbox-item', { hasText: 'Yusuf Demir' }).click();
    await page.locator('textarea.composer__input').fill('Let me check that for you');
    await page.getByRole('heading', { name: 'Previous conversations' }).waitFor();

    expect(await mia.request('agent.status.set', { status: 'online' })).toMatchObject({ ok: true });
    expect(
      await sam.request('supervisor.reassign', { conversationId: chat.conversationId, agentId: mia.principal.id }),
    ).toMatchObject({ ok: true });

    // Without a reload: the reason in the chat, the composer gone, nothing failing to load.
    await page.getByText('No longer yours: Reassigned to Mia by Sam.').waitFor();
    expect(await page.locator('textarea.composer__input').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Transfer|Close chat/ }).count()).toBe(0);
    expect(await page.getByText("We couldn't load this").count()).toBe(0);
    expect(await page.locator('.inbox-item', { hasText: 'Yusuf Demir' }).textContent()).toContain('moved');
    await page.screenshot({ path: path.join(shots, 'desk-released.png') });

    await page.getByRole('button', { name: 'Remove from desk' }).click();
    await expect.poll(() => page.locator('.inbox-item', { hasText: 'Yusuf Demir' }).count()).toBe(0);
    // Mia takes no more chats: the next one is Marie's.
    expect(await mia.request('agent.status.set', { status: 'offline' })).toMatchObject({ ok: true });
    // A chat the customer ended says so, once (never "closed (closed)").
    const ended = await chatWith(marie, 'Ada Byron', 'Never mind, found it.');
    await page.locator('.inbox-item', { hasText: 'Ada Byron' }).click();
    await ended.customer.request('conversation.close', { conversationId: ended.conversationId });
    await page.getByText('The customer ended this chat. You can remove it from your desk.').waitFor();
    expect(await page.getByText(/\(closed\)/).count()).toBe(0);
    await page.close();
  });
});
