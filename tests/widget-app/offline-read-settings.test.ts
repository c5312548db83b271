/// <reference lib="dom" />
import { DEFAULT_WIDGET_SETTINGS, WEEKDAYS, type DepartmentView } from '@switchboard/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { agentFetch, createSignedInAgent, type SignedIn } from '../support/agent-client.js';
import { expectAccessible } from '../support/axe.js';
import { createDepartment, openDesk } from '../routing/routing-support.js';
import { openAsNewVisitor, openWidget, shot, startHarness, type Harness } from './widget-harness.js';

// Once more on failure: in CI under full load this file has failed with a click on the frame
// doing nothing. Reproduced under load: the click went to the host page, the frame heard
// nothing (right after a resize). Clicks now wait until the frame hears the pointer
// (tests/support/frame-input.ts); drop the retry once CI has shown that was the cause. A real fault
// fails both times.
describe(
  'the widget: offline form, read state after a reload, configured pre-chat fields (Chromium)',
  { retry: 1 },
  () => {
    let harness: Harness;
    let closedDepartment: DepartmentView;
    let opensAt: string;
    let deskClosed: TestAgentDesk;
    let desk: TestAgentDesk;
    let admin: SignedIn;
    let page: Page;

    beforeAll(async () => {
      harness = await startHarness(import.meta.filename);
      // Open one hour the day after tomorrow only (UTC): closed whenever the test runs, with a known next opening.
      const opening = new Date(Date.now() + 2 * 24 * 3600 * 1000);
      const weekday = WEEKDAYS[(opening.getUTCDay() + 6) % 7]!;
      closedDepartment = await createDepartment(harness.server, {
        name: 'Repairs',
        topics: [{ key: 'repairs', labels: { en: 'Repairs' } }],
        hours: { timeZone: 'UTC', weekly: { [weekday]: [{ open: '09:00', close: '10:00' }] }, holidays: [] },
      });
      opensAt = new Intl.DateTimeFormat('en', { weekday: 'long', hour: 'numeric', minute: '2-digit' }).format(
        Date.UTC(opening.getUTCFullYear(), opening.getUTCMonth(), opening.getUTCDate(), 9),
      );
      const open = await createDepartment(harness.server, {
        name: 'Orders',
        topics: [{ key: 'delivery', labels: { en: 'Delivery and orders' } }],
        languages: ['en', 'ru'],
      });
      deskClosed = await openDesk(harness.server, { displayName: 'Ana', departmentIds: [closedDepartment.id] });
      desk = await openDesk(harness.server, { displayName: 'Lei', departmentIds: [open.id] });
      admin = await createSignedInAgent(harness.server, { role: 'admin' });
      page = await harness.browser.context.newPage();
    });
    afterAll(async () => {
      deskClosed.disconnect();
      desk.disconnect();
      await harness.close();
    });

    it('offers the offline form when the department is closed; the message waits in its queue', async () => {
      const frame = await openAsNewVisitor(page, harness);
      await frame.getByLabel('Your name').fill('Marie');
      await frame.getByLabel('Email').fill('marie@example.com');
      await frame.getByLabel('Topic').selectOption('repairs');
      await expect
        .poll(() => frame.getByText('Our advisors for this topic are away right now.').isVisible())
        .toBe(true);
      // When they are back, in the browser's own time zone (the test browser's default).
      expect(await frame.getByRole('status').first().textContent()).toContain(`We're back ${opensAt}.`);
      await frame.getByRole('button', { name: 'Leave a message' }).click();
      await expect.poll(() => frame.getByRole('heading', { name: 'Leave us a message' }).isVisible()).toBe(true);
      expect(await frame.getByLabel('Email').inputValue()).toBe('marie@example.com');
      await shot(page, 'desktop-offline-form');
      await expectAccessible(frame, 'the offline form');
      await frame.getByLabel('Your message').fill('My screen is cracked. Can you call me back?');
      await frame.getByRole('button', { name: 'Send message' }).click();
      await expect.poll(() => frame.getByRole('heading', { name: 'Message sent' }).isVisible()).toBe(true);
      expect(await frame.getByRole('status').first().textContent()).toMatch(/marie@example\.com.*SB-/);
      await shot(page, 'desktop-offline-sent');
      await expectAccessible(frame, 'the offline form, sent');

      const queue = await deskClosed.request<{ conversations?: { topic: string }[] } | { topic: string }[]>(
        'queue.list',
        { departmentId: closedDepartment.id },
      );
      expect(queue.ok).toBe(true);
      expect(JSON.stringify(queue)).toContain('"topic":"repairs"');
      const stored = await harness.server.app.mongo.collection('conversations').findOne({ topic: 'repairs' });
      expect(stored).toMatchObject({ status: 'queued', offline: true });
      expect(String(stored?.departmentId)).toBe(closedDepartment.id);
    });

    it('keeps messages the advisor read marked "Read" after the customer reloads', async () => {
      const frame = await openAsNewVisitor(page, harness);
      await frame.getByLabel('Your name').fill('Olga');
      await frame.getByLabel('Email').fill('olga@example.com');
      await frame.getByLabel('Topic').selectOption('delivery');
      await frame.getByRole('button', { name: 'Start chat' }).click();
      await expect.poll(() => frame.locator('.sb-header .sb-title').textContent(), { timeout: 15_000 }).toBe('Lei');
      const composer = frame.getByLabel('Message');
      await composer.fill('Is my order on its way?');
      await composer.press('Enter');
      await expect.poll(() => desk.received.find((m) => m.body === 'Is my order on its way?')).toBeTruthy();
      const message = desk.received.find((m) => m.body === 'Is my order on its way?')!;
      await desk.request('receipt.update', {
        conversationId: message.conversationId,
        deliveredSeq: message.seq,
        readSeq: message.seq,
      });
      const meta = (target: typeof frame) => target.locator('.sb-mine .sb-meta').last().textContent();
      await expect.poll(() => meta(frame)).toContain('Read');

      await page.reload();
      const reloaded = await openWidget(page, harness);
      await expect
        .poll(() => reloaded.getByText('Is my order on its way?').isVisible(), { timeout: 15_000 })
        .toBe(true);
      await expect.poll(() => meta(reloaded), { timeout: 15_000 }).toContain('Read');
    });

    it('shows the fields the admins configured; a required one blocks the start, in the customer’s language', async () => {
      const settings = {
        ...DEFAULT_WIDGET_SETTINGS,
        fields: { name: 'hidden', email: 'optional', topic: 'required', language: 'optional', region: 'required' },
        greeting: { en: 'Welcome to Nimbus support!', ru: 'Добро пожаловать в поддержку Nimbus!' },
      };
      const saved = await agentFetch(harness.server.url, admin, '/api/widget-settings', {
        method: 'PUT',
        body: settings,
      });
      expect(saved.status).toBe(200);

      const frame = await openAsNewVisitor(page, harness);
      await expect.poll(() => frame.getByText('Welcome to Nimbus support!').isVisible()).toBe(true);
      expect(await frame.locator('#sb-name').count()).toBe(0);
      expect(await frame.locator('label[for="sb-email"]').textContent()).toContain('(optional)');
      const region = frame.getByLabel('Country or region');
      expect(await region.getAttribute('aria-required')).toBe('true');
      expect(await frame.locator('label[for="sb-region"]').textContent()).not.toContain('(optional)');
      await frame.getByLabel('Topic').selectOption('delivery');
      await frame.getByRole('button', { name: 'Start chat' }).click();
      await expect.poll(() => frame.getByText('Please enter your country or region.').isVisible()).toBe(true);
      expect(await frame.evaluate(() => document.activeElement?.id)).toBe('sb-region');
      await shot(page, 'desktop-configured-form');

      // The same in Russian; nothing was started by the blocked attempts.
      const russian = await openAsNewVisitor(page, harness, "Switchboard('setLocale', 'ru')");
      await expect.poll(() => russian.getByText('Добро пожаловать в поддержку Nimbus!').isVisible()).toBe(true);
      await russian.getByLabel('Тема').selectOption('delivery');
      await russian.getByRole('button', { name: 'Начать чат' }).click();
      await expect.poll(() => russian.getByText('Пожалуйста, укажите страну или регион.').isVisible()).toBe(true);
      await shot(page, 'desktop-configured-form-ru');
      expect(await harness.server.app.mongo.collection('conversations').countDocuments({ topic: 'delivery' })).toBe(1);

      await russian.getByLabel('Страна или регион').fill('Latvija');
      await russian.getByRole('button', { name: 'Начать чат' }).click();
      await expect
        .poll(() => harness.server.app.mongo.collection('conversations').countDocuments({ topic: 'delivery' }))
        .toBe(2);
    });
  },
);
