/// <reference lib="dom" />
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_WIDGET_SETTINGS, type DepartmentView, type Locale } from '@switchboard/shared';
import { labelled, renderSystemMessage, translate } from '@switchboard/shared/i18n';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { expectAccessible } from '../support/axe.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { createDepartment, openDesk, setStatus } from '../routing/routing-support.js';
import {
  openAsNewVisitor,
  openWidget,
  resizeViewport,
  shot,
  SHOTS,
  startHarness,
  type Harness,
} from './widget-harness.js';

/** The widget's own words the test reads, as each language writes them (web-widget/src/i18n). */
const WIDGET: Record<Locale, { queue: string; ended: string; advisor: string }> = {
  en: { queue: "You're in the queue", ended: 'Chat ended', advisor: 'Advisor' },
  // Under Camille's name: neither « Conseiller » nor « Conseillère » (docs/languages.md).
  fr: { queue: 'Vous êtes dans la file d’attente', ended: 'Discussion terminée', advisor: 'Service client' },
  ru: { queue: 'Вы в очереди', ended: 'Чат завершён', advisor: 'Специалист' },
  'zh-Hans': { queue: '您正在排队', ended: '对话已结束', advisor: '顾问' },
  'zh-Hant': { queue: '您正在排隊', ended: '對話已結束', advisor: '顧問' },
};

/** The billing team's name as customers read it. */
const BILLING: Record<Locale, string> = {
  en: 'Billing',
  fr: 'Facturation',
  ru: 'Оплата',
  'zh-Hans': '账单',
  'zh-Hant': '帳務',
};

const CUSTOMERS: Record<Locale, string> = {
  en: 'Olivia Brown',
  fr: 'Marie Dupont',
  ru: 'Марина Иванова',
  'zh-Hans': '王芳',
  'zh-Hant': '陳美玲',
};

/** The visitor's browser is in Shanghai: email times must be written there, not in UTC. */
const VISITOR_TIME_ZONE = 'Asia/Shanghai';

const LOCALES: Locale[] = ['en', 'fr', 'ru', 'zh-Hans', 'zh-Hant'];

/** The widget's conversation lines (system lines and bubbles), as the customer reads them. */
const lines = (frame: Frame) => frame.locator('.sb-system, .sb-bubble').allInnerTexts();

/**
 * On how many lines each occurrence of the case number in the conversation is drawn:
 * "SB-2026-" at the end of one line and "000005" on the next read as two numbers.
 */
const caseNumberLines = (frame: Frame, caseNumber: string) =>
  frame.evaluate((wanted) => {
    const counts: number[] = [];
    for (const line of document.querySelectorAll('.sb-system, .sb-bubble')) {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const text = nodes.map((node) => node.data).join('');
      // The text node an offset of the line's text falls in (a start takes the next node at a boundary).
      const at = (offset: number, start: boolean): [Text, number] => {
        let rest = offset;
        for (const node of nodes) {
          if (start ? rest < node.data.length : rest <= node.data.length) return [node, rest];
          rest -= node.data.length;
        }
        throw new Error(`offset ${offset} is past the line's text`);
      };
      for (let from = text.indexOf(wanted); from >= 0; from = text.indexOf(wanted, from + 1)) {
        const range = document.createRange();
        range.setStart(...at(from, true));
        range.setEnd(...at(from + wanted.length, false));
        const drawn = [...range.getClientRects()].filter((rect) => rect.width > 0);
        counts.push(new Set(drawn.map((rect) => Math.round(rect.bottom))).size);
      }
    }
    return counts;
  }, caseNumber);

describe('a chat keeps its language end to end, in every language (Chromium)', () => {
  let harness: Harness;
  let smtp: SmtpListener;
  let devices: DepartmentView;
  let billing: DepartmentView;
  let first: TestAgentDesk;
  let second: TestAgentDesk;
  let page: Page;

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    harness = await startHarness(
      import.meta.filename,
      { width: 1280, height: 800 },
      { SMTP_URL: smtp.url, CUSTOMER_IDLE_NUDGE: '3s', CUSTOMER_IDLE_CLOSE: '2s' },
      { timezoneId: VISITOR_TIME_ZONE },
    );
    const { server } = harness;
    devices = await createDepartment(server, {
      name: 'Devices',
      names: { fr: 'Appareils', ru: 'Устройства', 'zh-Hans': '设备', 'zh-Hant': '裝置' },
      topics: [
        {
          key: 'phone',
          labels: { en: 'Phone', fr: 'Téléphone', ru: 'Телефон', 'zh-Hans': '手机', 'zh-Hant': '手機' },
        },
      ],
      languages: LOCALES,
    });
    billing = await createDepartment(server, {
      name: 'billing-team',
      names: BILLING,
      languages: LOCALES,
    });
    first = await openDesk(server, { displayName: 'Lei', departmentIds: [devices.id], languages: LOCALES }, 'offline');
    second = await openDesk(server, { displayName: 'Camille', departmentIds: [billing.id], languages: LOCALES });
    await server.app.services.widgetSettings.replace(first.principal, {
      ...DEFAULT_WIDGET_SETTINGS,
      brandName: 'Nimbus Support',
    });
    page = await harness.browser.context.newPage();
  });
  afterAll(async () => {
    first.disconnect();
    second.disconnect();
    await harness.close();
    await smtp.close();
  });

  it('lets the host page’s setLocale win over the chat’s language, and only while it calls it', async () => {
    let frame = await openAsNewVisitor(page, harness);
    await frame.locator('#sb-language').selectOption('fr');
    await frame.locator('#sb-name').fill('Camille Martin');
    await frame.locator('#sb-email').fill('setlocale@example.com');
    await frame.locator('#sb-topic').selectOption('phone');
    await frame.locator('button[type="submit"]').click();
    await expect.poll(() => frame.getByText(WIDGET.fr.queue).first().isVisible()).toBe(true);
    const shownLocale = () => frame.locator('[data-testid="locale"]').textContent();

    // Called on the open page: the widget follows at once.
    await page.evaluate(() =>
      (window as unknown as { Switchboard(...args: unknown[]): void }).Switchboard('setLocale', 'ru'),
    );
    await expect.poll(shownLocale).toBe('ru');
    await expect.poll(() => frame.getByText(WIDGET.ru.queue).first().isVisible()).toBe(true);
    // Called by the next page before the panel opens: the new frame hears it too.
    frame = await openWidget(page, harness, "Switchboard('setLocale', 'zh-Hant')");
    await expect.poll(shownLocale).toBe('zh-Hant');
    // A page that does not call it: the chat's own language again.
    frame = await openWidget(page, harness);
    await expect.poll(shownLocale).toBe('fr');
    await expect.poll(() => frame.getByText(WIDGET.fr.queue).first().isVisible()).toBe(true);
    const stored = await harness.server.app.mongo
      .collection('conversations')
      .findOne({ 'prechat.email': 'setlocale@example.com' });
    await harness.server.app.services.conversations.close(stored!, { kind: 'customer' });
  });

  for (const locale of LOCALES) {
    it(
      `${locale}: case number while queued, same language after reloads, translated team, one goodbye, email`,
      {
        timeout: 120_000,
      },
      async () => {
        const { server } = harness;
        const email = `language-${locale.toLowerCase()}@example.com`;
        // The host page is English and never calls setLocale: the customer picks the language in the form.
        let frame = await openAsNewVisitor(page, harness);
        await frame.locator('#sb-language').selectOption(locale);
        await frame.locator('#sb-name').fill(CUSTOMERS[locale]);
        await frame.locator('#sb-email').fill(email);
        await frame.locator('#sb-topic').selectOption('phone');
        await frame.locator('button[type="submit"]').click();
        await expect.poll(() => frame.getByText(WIDGET[locale].queue).first().isVisible()).toBe(true);

        // The welcome line gives the case number before anyone is assigned.
        const stored = await server.app.mongo.collection('conversations').findOne({ 'prechat.email': email });
        const conversationId = stored!._id.toHexString();
        const caseNumber = String(stored!.caseNumber);
        // Lei is not online yet: the welcome says nobody is, and what the customer can do.
        const welcome = renderSystemMessage('conversation.started', { caseNumber, teamAway: 'no-agents' }, locale);
        await expect.poll(() => lines(frame)).toContain(welcome);
        expect((await server.app.services.conversations.load(conversationId))?.status).toBe('queued');
        expect(stored!.prechat).toMatchObject({ timeZone: VISITOR_TIME_ZONE });
        await shot(page, `language-${locale}-queued`);

        try {
          await setStatus(first, 'online');
          await expect.poll(() => frame.locator('.sb-header .sb-title').textContent(), { timeout: 15_000 }).toBe('Lei');
          first.log(conversationId);
          const moved = await first.request('conversation.transfer', {
            conversationId,
            to: { departmentId: billing.id },
          });
          expect(moved.ok).toBe(true);
        } finally {
          await setStatus(first, 'offline');
        }
        await expect
          .poll(() => frame.locator('.sb-header .sb-title').textContent(), { timeout: 15_000 })
          .toBe('Camille');

        // Mid-chat reload of the English host page (openWidget loads it again): the widget comes
        // back in the chat's language.
        frame = await openWidget(page, harness);
        await expect.poll(() => frame.locator('[data-testid="locale"]').textContent()).toBe(locale);
        await expect.poll(() => frame.evaluate(() => document.documentElement.lang)).toBe(locale);
        const transferLine = renderSystemMessage(
          'conversation.transferred',
          { department: 'billing-team', [`department:${locale}`]: BILLING[locale] },
          locale,
        );
        await expect.poll(() => lines(frame)).toContain(transferLine);
        expect(await frame.locator('.sb-header .sb-subtitle').textContent()).toBe(WIDGET[locale].advisor);
        expect(transferLine).toContain(BILLING[locale]);
        expect(await lines(frame)).toContain(welcome);
        await shot(page, `language-${locale}-after-reload`);
        // The chat screen in each language: the advisor's subtitle, labels and contrast as read in it.
        await expectAccessible(frame, `the chat in ${locale}`);

        // The advisor writes, the customer goes quiet: check-in, then one goodbye, both in Camille's name.
        second.log(conversationId);
        expect((await second.send(conversationId, 'OK')).ok).toBe(true);
        await expect
          .poll(() => frame.getByText(WIDGET[locale].ended).first().isVisible(), { timeout: 20_000 })
          .toBe(true);
        const goodbye = renderSystemMessage('customer.idle-close', { caseNumber, summaryEmailed: 'true' }, locale);
        const nudge = renderSystemMessage('customer.idle-nudge', {}, locale);
        const shown = await lines(frame);
        expect(shown.filter((line) => line.includes(goodbye))).toHaveLength(1);
        for (const ended of [
          renderSystemMessage('conversation.closed', {}, locale),
          renderSystemMessage('conversation.closed', { caseNumber, summaryEmailed: 'true' }, locale),
        ])
          expect(shown).not.toContain(ended);
        for (const voiced of [nudge, goodbye]) {
          const bubble = frame.locator('.sb-theirs', { hasText: voiced });
          await expect.poll(() => bubble.locator('.sb-author').textContent()).toContain('Camille');
        }
        await shot(page, `language-${locale}-closed`);
        // The lines above the end screen: the check-in and the one goodbye, under Camille's name (390 px phone).
        await resizeViewport(page, frame, { width: 390, height: 780 });
        await frame.locator('.sb-theirs', { hasText: goodbye }).scrollIntoViewIfNeeded();
        await shot(page, `language-${locale}-goodbye-phone`);
        // The welcome line and the goodbye give the case number, each on one line however narrow.
        expect(await caseNumberLines(frame, caseNumber)).toEqual([1, 1]);
        await resizeViewport(page, frame, { width: 1280, height: 800 });

        // The transcript: the brand's name as sender, the team in the customer's language, their time zone.
        await smtp.waitFor(() => smtp.to(email).length === 1, 20_000);
        const mail = smtp.to(email)[0]!.parsed;
        expect(mail.from?.value[0]).toMatchObject({ name: 'Nimbus Support' });
        const department = labelled(locale, translate(locale, 'email.label.department'), BILLING[locale]);
        expect(mail.text).toContain(department);
        expect(mail.text).toContain(`(${VISITOR_TIME_ZONE})`);
        expect(mail.text).toContain(labelled(locale, 'Camille', goodbye));
        const html = path.join(SHOTS, `language-${locale}-email.html`);
        await writeFile(html, String(mail.html));
        const preview = await harness.browser.context.newPage();
        await preview.goto(`file://${html}`);
        await shot(preview, `language-${locale}-email`, { fullPage: true });
        await preview.close();
      },
    );
  }
});
