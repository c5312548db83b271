/// <reference lib="dom" />
import { WEEKDAYS } from '@switchboard/shared';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { expectAccessible } from '../support/axe.js';
import { createDepartment, openDesk, setStatus } from '../routing/routing-support.js';
import { givePhoto, openAsNewVisitor, resizeViewport, shot, startHarness, type Harness } from './widget-harness.js';

interface LocaleCase {
  locale: 'ru' | 'zh-Hans';
  name: string;
  email: string;
  texts: {
    submit: string;
    queue: string;
    noAdvisor: string;
    next: RegExp;
    ended: string;
    rate: string;
    rated: string;
    transcript: string;
    newChat: string;
    leaveMessage: string;
    offlineTitle: string;
    offlineSend: string;
    offlineSent: string;
  };
  /** Letters of the locale's own script: every screen must show some. */
  script: RegExp;
  advisorMessage: string;
  customerMessage: string;
}

const CASES: LocaleCase[] = [
  {
    locale: 'ru',
    name: 'Марина Константиновна',
    email: 'marina.konstantinovna@example.com',
    texts: {
      submit: 'Начать чат',
      queue: 'Вы в очереди',
      noAdvisor: 'Сейчас никого из нашей команды нет на месте.',
      next: /Ваша очередь следующая/,
      ended: 'Чат завершён',
      rate: 'Отправить отзыв',
      rated: 'Спасибо за ваш отзыв!',
      transcript: 'Прислать переписку',
      newChat: 'Начать новый чат',
      leaveMessage: 'Оставить сообщение',
      offlineTitle: 'Оставьте нам сообщение',
      offlineSend: 'Отправить сообщение',
      offlineSent: 'Сообщение отправлено',
    },
    script: /[а-яё]/i,
    advisorMessage:
      'Здравствуйте! Отследить посылку можно здесь: https://track.example.com/parcels/RU0123456789012345678901234567890?lang=ru — номер уже подставлен.',
    customerMessage: 'Спасибо! Высокотехнологичнейшая посылка с электроинструментами всё ещё не пришла.',
  },
  {
    locale: 'zh-Hans',
    name: '王芳',
    email: 'wang.fang@example.com',
    texts: {
      submit: '开始对话',
      queue: '您正在排队',
      noAdvisor: '我们的团队目前没有人在线。',
      next: /下一位就是您/,
      ended: '对话已结束',
      rate: '提交评价',
      rated: '感谢您的评价！',
      transcript: '发送对话记录',
      newChat: '发起新对话',
      leaveMessage: '留言',
      offlineTitle: '给我们留言',
      offlineSend: '发送留言',
      offlineSent: '留言已发送',
    },
    script: /[\u4e00-\u9fff]/,
    advisorMessage:
      '您好！您可以在这里查看包裹状态：https://track.example.com/parcels/CN0123456789012345678901234567890?lang=zh 我们已经为您填好了单号，请放心。',
    customerMessage: '谢谢！我的包裹还没有到，已经等了一个星期了，请帮我查一下物流信息。',
  },
];

/**
 * Layout faults a customer would see, measured inside the widget's frame:
 * anything wider than the frame (horizontal scrolling, cut-off edges) and
 * text clipped by its box without an ellipsis.
 */
function layoutProblems(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1)
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    // Enough to find the element and see by how much, with the frame's width at that moment.
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} "${element.textContent.trim().slice(0, 40)}" (${element.scrollWidth} > ${element.clientWidth} in ${width} px)`;
    for (const element of document.querySelectorAll('body *')) {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      // Visually hidden text for screen readers is 1px wide on purpose.
      if (style.display === 'none' || style.visibility === 'hidden' || box.width <= 1 || box.height <= 1) continue;
      if (box.right > width + 1 || box.left < -1) problems.push(`outside the frame: ${describe(element)}`);
      const clips = ['hidden', 'clip'].includes(style.overflowX);
      if (clips && style.textOverflow !== 'ellipsis' && element.scrollWidth > element.clientWidth + 1)
        problems.push(`clipped: ${describe(element)}`);
    }
    return problems;
  });
}

/** Latin words on screen that are not names, addresses or links the customer or advisor typed. */
async function untranslated(frame: Frame, allowed: string[]): Promise<string[]> {
  let text = await frame.locator('body').innerText();
  for (const word of allowed) text = text.split(word).join(' ');
  text = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/\bSB-[\w-]+/g, ' ');
  return text.match(/[A-Za-z]{3,}/g) ?? [];
}

// Once more on failure, as chat-flow.test.ts: in a loaded fresh-clone CI run (2026-12-07) the wait
// for the frame to take input timed out here at the queue screen (ru, zh-Hans), and it failed once
// more in a local run beside chat-flow, cause not seen. A real fault fails both times.
describe('every widget screen in Russian and Simplified Chinese, desktop and 375 px (Chromium)', { retry: 1 }, () => {
  let harness: Harness;
  let desk: TestAgentDesk;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness(import.meta.filename);
    const opening = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    const weekday = WEEKDAYS[(opening.getUTCDay() + 6) % 7]!;
    await createDepartment(harness.server, {
      name: 'Repairs',
      topics: [{ key: 'repairs', labels: { en: 'Repairs', ru: 'Ремонт', 'zh-Hans': '维修' } }],
      hours: { timeZone: 'UTC', weekly: { [weekday]: [{ open: '09:00', close: '10:00' }] }, holidays: [] },
    });
    const orders = await createDepartment(harness.server, {
      name: 'Orders',
      topics: [
        {
          key: 'delivery',
          labels: { en: 'Delivery and orders', ru: 'Доставка, возврат и обмен заказов', 'zh-Hans': '配送与订单' },
        },
      ],
      languages: ['en', 'ru', 'zh-Hans'],
    });
    desk = await openDesk(
      harness.server,
      { displayName: 'Lei', departmentIds: [orders.id], languages: ['ru', 'zh-Hans'] },
      'offline',
    );
    await givePhoto(harness.server, desk.principal.id);
    page = await harness.browser.context.newPage();
  });
  afterAll(async () => {
    desk.disconnect();
    await harness.close();
  });

  for (const testCase of CASES) {
    it(
      `${testCase.locale}: form, queue, chat, end with rating and transcript, offline form`,
      { timeout: 120_000 },
      async () => {
        const { locale, texts } = testCase;
        // The advisor's name, and the language picker's other languages, named in their own words.
        const allowed = ['Lei', 'English', 'Français'];
        /** Screenshots at desktop size and 375 px, each checked for layout faults and stray English. */
        const check = async (frame: Frame, screen: string) => {
          for (const size of [
            { width: 1280, height: 800, name: 'desktop' },
            { width: 375, height: 740, name: 'phone' },
          ]) {
            await resizeViewport(page, frame, size);
            await shot(page, `${locale}-${size.name}-${screen}`);
            expect(await layoutProblems(frame), `${locale} ${size.name} ${screen}`).toEqual([]);
            expect(await untranslated(frame, allowed), `${locale} ${size.name} ${screen}`).toEqual([]);
            expect(await frame.locator('body').innerText()).toMatch(testCase.script);
          }
          await resizeViewport(page, frame, { width: 1280, height: 800 });
          await expectAccessible(frame, `${locale} ${screen}`);
        };

        const frame = await openAsNewVisitor(page, harness, `Switchboard('setLocale', '${locale}')`);
        const submit = frame.getByRole('button', { name: texts.submit });
        await expect.poll(() => submit.isVisible()).toBe(true);
        await check(frame, 'form');
        await submit.click();
        await expect.poll(() => frame.locator('.sb-error').count()).toBeGreaterThan(0);
        await check(frame, 'form-errors');

        await frame.locator('#sb-name').fill(testCase.name);
        await frame.locator('#sb-email').fill(testCase.email);
        await frame.locator('#sb-topic').selectOption('delivery');
        await submit.click();
        await expect.poll(() => frame.getByText(texts.queue).first().isVisible()).toBe(true);
        // Nobody online: the reason, never "an advisor will be with you in a moment" beside it.
        await expect.poll(() => frame.getByText(texts.noAdvisor).first().isVisible()).toBe(true);
        expect(await frame.getByText(texts.next).count()).toBe(0);
        await check(frame, 'queue');

        await setStatus(desk, 'online');
        // Offline again whatever happens here: the next locale's queue screen needs nobody online.
        try {
          await expect.poll(() => frame.locator('.sb-header .sb-title').textContent(), { timeout: 15_000 }).toBe('Lei');
          const stored = await harness.server.app.mongo.collection('conversations').findOne({ status: 'active' });
          const conversationId = stored!._id.toHexString();
          desk.log(conversationId);
          await desk.send(conversationId, testCase.advisorMessage);
          await expect.poll(() => frame.getByRole('link', { name: /track\.example\.com/ }).isVisible()).toBe(true);
          const composer = frame.locator('textarea');
          await composer.fill(testCase.customerMessage);
          await composer.press('Enter');
          await expect
            .poll(() => desk.received.some((message) => message.body === testCase.customerMessage))
            .toBe(true);
          await desk.request('typing.set', { conversationId, typing: true });
          await check(frame, 'chat');
          await desk.request('typing.set', { conversationId, typing: false });

          expect((await desk.request('conversation.close', { conversationId, disposition: 'resolved' })).ok).toBe(true);
          await expect.poll(() => frame.getByText(texts.ended).first().isVisible()).toBe(true);
          await check(frame, 'end');
          // No `force`: it skips the wait for the panel to stop moving (the list scrolls to each
          // message arriving after the close), and a click at where the star had been did nothing.
          await frame.locator('input[type="radio"][value="4"]').check();
          await frame.getByRole('button', { name: texts.rate }).click();
          await expect.poll(() => frame.getByText(texts.rated).first().isVisible()).toBe(true);
          await frame.getByRole('button', { name: texts.transcript }).click();
          await expect.poll(() => frame.getByText(testCase.email, { exact: false }).first().isVisible()).toBe(true);
          await check(frame, 'end-done');

          await frame.getByRole('button', { name: texts.newChat }).click();
          await expect.poll(() => submit.isVisible()).toBe(true);
          await frame.locator('#sb-name').fill(testCase.name);
          await frame.locator('#sb-email').fill(testCase.email);
          await frame.locator('#sb-topic').selectOption('repairs');
          const leave = frame.getByRole('button', { name: texts.leaveMessage });
          await expect.poll(() => leave.isVisible()).toBe(true);
          await check(frame, 'form-closed-topic');
          await leave.click();
          await expect
            .poll(() => frame.getByRole('heading', { name: texts.offlineTitle }).isVisible())
            .toBe(true)
            .catch(async (error: unknown) => {
              // Keep what the customer saw (this is how the widget's late focus move was found).
              await shot(page, `${locale}-failed-after-leave`);
              throw new Error(`no offline form; the frame showed: ${await frame.locator('body').innerText()}`, {
                cause: error,
              });
            });
          await check(frame, 'offline-form');
          await frame.locator('textarea').fill(testCase.customerMessage);
          await frame.getByRole('button', { name: texts.offlineSend }).click();
          await expect.poll(() => frame.getByRole('heading', { name: texts.offlineSent }).isVisible()).toBe(true);
          await check(frame, 'offline-sent');
        } finally {
          await setStatus(desk, 'offline');
        }
      },
    );
  }
});
