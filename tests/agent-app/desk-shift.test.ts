import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { departmentCreateSchema } from '@switchboard/shared/schemas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type TestAgent } from '../support/agent-client.js';
import { TestCustomer } from '../support/customer-client.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { assertAgentAppBuilt, chatTab, launchChromium, screenshotDir } from './browser.js';

/**
 * A busy desk in a browser: waiting chats appear without polling, the agent
 * takes three of four, emails a transcript from the customer panel, and the
 * screenshots at both sizes show four chats at once.
 */
describe('agent desk with several customers', () => {
  let server: TestServer;
  let smtp: SmtpListener;
  let browser: Browser;
  let page: Page;
  let agent: TestAgent;
  const customers: TestCustomer[] = [];
  const shots = screenshotDir();

  async function queuedCustomer(name: string, email: string, language: 'en' | 'fr' | 'ru', text: string) {
    const client = new TestCustomer(server.url);
    customers.push(client);
    await client.connect();
    const { conversation } = await client.start({ name, email, topic: 'earbuds-repair', language });
    await client.send(conversation.id, text);
    return { client, conversationId: conversation.id };
  }

  beforeAll(async () => {
    assertAgentAppBuilt();
    mkdirSync(shots, { recursive: true });
    smtp = await SmtpListener.start();
    server = await startTestServer({ testFile: import.meta.filename, env: { SMTP_URL: smtp.url } });
    const audio = await server.app.services.departments.create(
      departmentCreateSchema.parse({
        name: 'Audio',
        topics: [{ key: 'earbuds-repair', labels: { en: 'Earbuds repair' } }],
        languages: ['en', 'fr', 'ru'],
        hours: null,
      }),
    );
    agent = await createAgent(server, {
      displayName: 'Lei',
      departmentIds: [audio.id],
      languages: ['en', 'fr', 'ru'],
      capacity: 4,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);

  afterAll(async () => {
    for (const client of customers) client.disconnect();
    await browser.close();
    await server.stop();
    await smtp.close();
  });

  it('shows new waiting chats live, takes them, and emails a transcript from the panel', async () => {
    await page.goto(`${server.url}/agent/`);
    await page.getByLabel('Work email').fill(agent.email);
    await page.getByLabel('Password').fill(agent.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Away: routing leaves the chats in the queue for a manual pickup.
    await page.getByRole('radio', { name: 'Away' }).click();
    await expect.poll(async () => (await server.app.services.agents.getView(agent.agent.id))?.status).toBe('away');

    // Chats that start after the desk loaded appear in its queue: pushed, the desk no longer polls.
    const marie = await queuedCustomer(
      'Marie Dupont',
      'marie@example.com',
      'fr',
      'Mon écouteur gauche ne charge plus.',
    );
    const pickup = (name: string) => page.getByRole('button', { name: `Pick up the chat with ${name}` });
    await pickup('Marie Dupont').waitFor();
    for (const [name, email, language, text] of [
      ['Alexei', 'alexei@example.com', 'ru', 'Наушники не подключаются к телефону.'],
      ['Sam Carter', 'sam@example.com', 'en', 'My earbuds case does not close properly.'],
      ['Priya', 'priya@example.com', 'en', 'Can I get a replacement ear tip?'],
    ] as const) {
      await queuedCustomer(name, email, language, text);
    }
    await pickup('Priya').waitFor();

    for (const name of ['Marie Dupont', 'Alexei', 'Sam Carter']) {
      await pickup(name).click();
      await chatTab(page, name).waitFor();
    }
    await expect.poll(() => pickup('Priya').count()).toBe(1);
    await chatTab(page, 'Marie Dupont').click();
    await page.locator('textarea.composer__input').fill('Bonjour Marie, je regarde cela.');
    await page.locator('textarea.composer__input').press('Enter');
    await marie.client.waitFor(() =>
      marie.client.bodies(marie.conversationId).includes('Bonjour Marie, je regarde cela.'),
    );

    // Send the transcript from the customer panel; the delivery log shows it sent.
    await page.getByRole('button', { name: 'Email transcript to customer' }).click();
    await smtp.waitFor(() => smtp.to('marie@example.com').length === 1);
    await page.locator('.deliveries__item', { hasText: 'Sent' }).waitFor({ timeout: 15_000 });
    expect(smtp.to('marie@example.com')).toHaveLength(1);

    await page.screenshot({ path: path.join(shots, 'desk-shift-1280x800.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: path.join(shots, 'desk-shift-1920x1080.png') });
  }, 120_000);
});
