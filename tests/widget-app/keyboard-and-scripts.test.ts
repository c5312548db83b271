/// <reference lib="dom" />
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { createDepartment, openDesk, setStatus } from '../routing/routing-support.js';
import { openAsNewVisitor, shot, startHarness, widgetFrame, type Harness } from './widget-harness.js';

/** What has keyboard focus inside the widget frame: its id, or its role/tag and accessible text. */
const focusedInFrame = (frame: Frame) =>
  frame.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '';
    // Inputs are named by their label; buttons by their text.
    const input = element as Partial<HTMLInputElement>;
    const named: Element = input.labels?.[0] ?? element;
    return [element.id, element.tagName.toLowerCase(), input.type ?? '', named.textContent.trim()].join('|');
  });

/**
 * Pixels of `text` drawn with the widget's own font. Two distinct characters
 * drawn the same are missing glyphs (tofu boxes all look alike).
 */
const glyphPixels = (frame: Frame, text: string) =>
  frame.evaluate((glyph) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const context = canvas.getContext('2d')!;
    context.font = `40px ${getComputedStyle(document.body).fontFamily}`;
    context.fillText(glyph, 4, 48);
    return Array.from(context.getImageData(0, 0, 64, 64).data).join(',');
  }, text);

describe('the widget by keyboard alone, and in Russian and Chinese (Chromium)', () => {
  let harness: Harness;
  let desk: TestAgentDesk;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness(import.meta.filename);
    const department = await createDepartment(harness.server, {
      name: 'Orders',
      topics: [{ key: 'delivery', labels: { en: 'Delivery and orders', ru: 'Доставка и заказы' } }],
      languages: ['en', 'fr', 'ru', 'zh-Hans', 'zh-Hant'],
    });
    desk = await openDesk(harness.server, { displayName: 'Lei', departmentIds: [department.id] }, 'offline');
    page = await harness.browser.context.newPage();
  });
  afterAll(async () => {
    desk.disconnect();
    await harness.close();
  });

  it('goes through the whole chat with Tab, Enter, Space and Escape only', { timeout: 90_000 }, async () => {
    const keyboard = page.keyboard;
    await page.goto(`${harness.host}/`);
    await page.waitForFunction(() => (window as unknown as { Switchboard?: { loaded?: boolean } }).Switchboard?.loaded);
    // Tab through the host page to the launcher (it sits in a closed shadow root: the host element has focus).
    const onLauncher = () => page.evaluate(() => document.activeElement?.tagName === 'SWITCHBOARD-WIDGET');
    for (let presses = 0; presses < 30 && !(await onLauncher()); presses++) await keyboard.press('Tab');
    expect(await onLauncher()).toBe(true);
    await keyboard.press('Enter');
    await expect.poll(() => widgetFrame(page, harness.server) !== undefined).toBe(true);
    const frame = widgetFrame(page, harness.server)!;
    // Focus lands in the first field; typing text is typing, not navigation.
    await expect.poll(() => focusedInFrame(frame), { timeout: 15_000 }).toMatch(/^sb-name\|/);
    /** Tab (or Shift+Tab) until the frame's focused element matches, at most `limit` presses. */
    const tabTo = async (pattern: RegExp, key = 'Tab', limit = 12) => {
      for (let presses = 0; presses < limit && !pattern.test(await focusedInFrame(frame)); presses++)
        await keyboard.press(key);
      expect(await focusedInFrame(frame)).toMatch(pattern);
    };
    await keyboard.type('Marie');
    await tabTo(/^sb-email\|/);
    await keyboard.type('marie@example.com');
    // The only topic is chosen already; Enter in a field submits the form.
    await keyboard.press('Enter');
    await expect.poll(() => frame.getByText("You're in the queue").isVisible()).toBe(true);

    await setStatus(desk, 'online');
    await expect.poll(() => frame.locator('.sb-header .sb-title').textContent(), { timeout: 15_000 }).toBe('Lei');
    const conversationId = (await harness.server.app.mongo.collection('conversations').findOne({}))!._id.toHexString();
    desk.log(conversationId);
    await desk.send(conversationId, 'Hi Marie, how can I help?');
    // The bubble, not the live region that announces it for a moment with the same words.
    await expect
      .poll(() => frame.locator('.sb-bubble', { hasText: 'Hi Marie, how can I help?' }).isVisible())
      .toBe(true);
    await tabTo(/\|textarea\|/);
    await keyboard.type('Where is my parcel?');
    await keyboard.press('Enter');
    await expect.poll(() => desk.received.some((message) => message.body === 'Where is my parcel?')).toBe(true);

    expect((await desk.request('conversation.close', { conversationId, disposition: 'resolved' })).ok).toBe(true);
    await expect.poll(() => frame.getByText('Chat ended').isVisible()).toBe(true);
    // Tab enters the unrated stars on the first one; Space picks it. (Another star is
    // the radio group's arrow keys, which this run deliberately does not use.)
    await tabTo(/\|input\|radio\|/);
    expect(await focusedInFrame(frame)).toMatch(/\|input\|radio\|★1 star$/);
    await keyboard.press('Space');
    expect(await frame.getByRole('radio', { name: '1 star', exact: true }).isChecked()).toBe(true);
    await tabTo(/\|button\|submit\|Send feedback$/);
    await keyboard.press('Enter');
    await expect.poll(() => frame.getByText('Thank you for your feedback!').isVisible()).toBe(true);
    await tabTo(/Send transcript$/);
    await keyboard.press('Space');
    await expect.poll(() => frame.getByText("It's on its way to marie@example.com.").isVisible()).toBe(true);
    const stored = await harness.server.app.mongo.collection('conversations').findOne({});
    expect(stored?.satisfaction).toMatchObject({ rating: 1 });
    await shot(page, 'keyboard-end');

    // Escape closes the panel and gives focus back to the launcher.
    await keyboard.press('Escape');
    await expect.poll(() => frame.locator('[data-testid="open"]').textContent()).toBe('closed');
    await expect.poll(onLauncher).toBe(true);
  });

  const SCRIPTS: { locale: string; submit: string; intro: string; glyphs: [string, string] }[] = [
    { locale: 'ru', submit: 'Начать чат', intro: 'Здравствуйте!', glyphs: ['Ж', 'ы'] },
    { locale: 'zh-Hans', submit: '开始对话', intro: '您好！', glyphs: ['话', '顾'] },
    { locale: 'zh-Hant', submit: '開始對話', intro: '您好！', glyphs: ['話', '顧'] },
  ];
  for (const script of SCRIPTS) {
    it(`renders ${script.locale} with real glyphs`, async () => {
      const localePage = await harness.browser.context.newPage();
      const fresh = await openAsNewVisitor(localePage, harness, `Switchboard('setLocale', '${script.locale}')`);
      const submit = fresh.getByRole('button', { name: script.submit });
      await expect.poll(() => submit.isVisible()).toBe(true);
      expect(await fresh.locator('.sb-intro').textContent()).toContain(script.intro);
      expect(await fresh.evaluate(() => document.documentElement.lang)).toBe(script.locale);
      const [first, second] = script.glyphs;
      const [a, b] = await Promise.all([glyphPixels(fresh, first), glyphPixels(fresh, second)]);
      expect(a).not.toBe(b);
      // And neither is blank.
      expect(a.split(',').some((value) => value !== '0')).toBe(true);
      await shot(localePage, `script-${script.locale}`);
      await localePage.close();
    });
  }
});
