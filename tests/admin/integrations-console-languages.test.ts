import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAgentAppBuilt, launchChromium, screenshotDir, signInToDesk } from '../agent-app/browser.js';
import { openChat } from '../jobs/chat.js';
import { agentFetch, createAgent, signIn, type TestAgent } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

/** Page width beyond the viewport (sideways scrolling), 0 when everything fits. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** English the integration screens and the console's frame must no longer show in another language. */
const ENGLISH = [
  'Supervisor console',
  'Back to my desk',
  'What to administer',
  'Switchboard posts what happens',
  'Events to send',
  'Latest deliveries to',
  'Delivered',
  'Redeliver',
  'Tokens let your other systems',
  'Last used',
  'Expires',
  'Answer a customer’s request',
  'Retention of closed chats',
  'closed chats are past the policy',
  'Export JSON',
  'Erase…',
];

/** How each language names what the test clicks and waits for. */
const WORDS = {
  fr: {
    tag: 'fr-FR',
    admin: 'Administration',
    webhooks: 'Webhooks',
    tokens: 'Jetons d’API',
    privacy: 'Protection des données',
    deliveries: 'Envois',
    delivered: 'Livré',
    email: 'E-mail du client',
    find: 'Rechercher',
    retention:
      'Les discussions closes depuis plus de 30 jours perdent leurs messages, leurs fichiers et les coordonnées du client.',
    lastUsed: 'Dernière utilisation',
  },
  'zh-Hans': {
    tag: 'zh-CN',
    admin: '管理',
    webhooks: 'Webhook',
    tokens: 'API 令牌',
    privacy: '数据保护',
    deliveries: '推送记录',
    delivered: '已送达',
    email: '客户的电子邮箱',
    find: '查找',
    retention: '结束超过 30 天的对话将被移除消息、文件和客户信息。',
    lastUsed: '上次使用',
  },
} as const;

describe('the console’s integration screens in French and Simplified Chinese, on a phone and a laptop', () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: WebhookReceiver;
  let admin: TestAgent;
  const shots = screenshotDir();

  beforeAll(async () => {
    assertAgentAppBuilt();
    mkdirSync(shots, { recursive: true });
    receiver = new WebhookReceiver();
    await receiver.start();
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { WEBHOOK_REFRESH: '200ms', RETENTION_DAYS: '30' },
    });
    browser = await launchChromium();
    admin = await createAgent(server, { displayName: 'Ada Admin', role: 'admin' });
    // Something on every screen: an endpoint with a delivery, a token, a customer to find.
    const session = await signIn(server.url, admin.email, admin.password);
    const api = (route: string, body: unknown) => agentFetch(server.url, session, route, { method: 'POST', body });
    expect((await api('/api/webhooks', { url: `${receiver.url}/crm`, events: ['message.created'] })).status).toBe(201);
    expect((await api('/api/api-tokens', { name: 'Reporting', scopes: ['reports:read'] })).status).toBe(201);
    const chat = await openChat(server, { prechat: { name: 'Marie Dupont', email: 'marie.dupont@example.com' } });
    await chat.customer.send(chat.conversationId, 'Bonjour');
    await receiver.waitFor(() => receiver.at('/crm').length >= 1);
    await chat.desk.request('conversation.close', { conversationId: chat.conversationId, disposition: 'resolved' });
    chat.close();
  });
  afterAll(async () => {
    await browser.close();
    await receiver.stop();
    await server.stop();
  });

  /** Nothing of `ENGLISH` left on the page, and the translated parts marked with their language. */
  async function expectTranslated(page: Page, locale: keyof typeof WORDS): Promise<void> {
    const text = await page.locator('body').innerText();
    expect(ENGLISH.filter((english) => text.includes(english))).toEqual([]);
    expect(await page.locator('.admin__pane').getAttribute('lang')).toBe(locale);
  }

  for (const locale of ['fr', 'zh-Hans'] as const) {
    for (const width of [390, 1280]) {
      it(`${locale} at ${width} px: webhooks with their delivery log, API tokens, data protection`, async () => {
        const words = WORDS[locale];
        const context = await browser.newContext({ locale: words.tag, viewport: { width, height: 900 } });
        const page = await context.newPage();
        const shot = (name: string) =>
          page.screenshot({ path: path.join(shots, `console-${name}-${locale}-${width}.png`), fullPage: true });
        // The desk itself is not translated yet: its sign-in and its way to the console are in English.
        await signInToDesk(page, server.url, admin);
        await page.getByRole('button', { name: 'Supervisor console' }).click();
        await page.getByRole('button', { name: words.admin, exact: true }).click();

        await page.getByRole('tab', { name: words.webhooks }).click();
        await page.getByRole('button', { name: `${words.deliveries} ${receiver.url}/crm` }).click();
        await page.getByRole('cell', { name: words.delivered }).waitFor();
        await expectTranslated(page, locale);
        await shot('webhooks');
        expect(await overflow(page)).toBeLessThanOrEqual(0);

        await page.getByRole('tab', { name: words.tokens }).click();
        await page.getByRole('columnheader', { name: words.lastUsed }).waitFor();
        await expectTranslated(page, locale);
        await shot('tokens');
        expect(await overflow(page)).toBeLessThanOrEqual(0);

        await page.getByRole('tab', { name: words.privacy }).click();
        await page.getByText(words.retention).waitFor();
        await page.getByLabel(words.email).fill('marie.dupont@example.com');
        await page.getByRole('button', { name: words.find }).click();
        await page.getByRole('row', { name: /Marie Dupont/ }).waitFor();
        await expectTranslated(page, locale);
        await shot('privacy');
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        await context.close();
      });
    }
  }
});
