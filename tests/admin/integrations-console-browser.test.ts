import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAgentAppBuilt, launchChromium, screenshotDir, signInToDesk } from '../agent-app/browser.js';
import { openChat } from '../jobs/chat.js';
import { createAgent, type TestAgent } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { expectAccessible } from '../support/axe.js';

/** Page width beyond the viewport (sideways scrolling), 0 when everything fits. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the console’s Webhooks, API tokens and Data protection tabs in the browser', () => {
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
      env: { WEBHOOK_ATTEMPTS: '1', WEBHOOK_DISABLE_AFTER: '1', WEBHOOK_REFRESH: '200ms', RETENTION_DAYS: '30' },
    });
    browser = await launchChromium();
    admin = await createAgent(server, { displayName: 'Ada Admin', role: 'admin' });
  });
  afterAll(async () => {
    await browser.close();
    await receiver.stop();
    await server.stop();
  });

  async function openTab(width: number, tab = 'Webhooks'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await signInToDesk(page, server.url, admin);
    await page.getByRole('button', { name: 'Supervisor console' }).click();
    await page.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: tab }).click();
    return page;
  }

  it('an admin adds an endpoint, copies its secret once, reads the delivery log and redelivers', async () => {
    const page = await openTab(1440);
    await page.getByText('No webhook endpoints yet.').waitFor();
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByLabel('Address (https://…)').fill('ftp://nowhere.example');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText('url').waitFor();

    await page.getByLabel('Address (https://…)').fill(`${receiver.url}/crm`);
    await page.getByLabel('Description').fill('Our CRM');
    await page.getByRole('checkbox', { name: 'conversation.closed' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    const secret = page.locator('.admin__secret-value');
    await secret.waitFor();
    expect(await secret.textContent()).toMatch(/^whsec_/);
    await page.screenshot({ path: path.join(shots, 'console-webhooks-secret.png') });
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect.poll(() => secret.count()).toBe(0);

    const chat = await openChat(server);
    await chat.customer.send(chat.conversationId, 'Hello CRM');
    await receiver.waitFor(() => receiver.at('/crm').length >= 1);
    await page.getByRole('button', { name: `Deliveries ${receiver.url}/crm` }).click();
    await page.getByRole('cell', { name: 'Delivered' }).waitFor();
    await page.getByRole('button', { name: /^Redeliver message\.created/ }).click();
    await receiver.waitFor(() => receiver.at('/crm').length >= 2);
    const [first, second] = receiver.at('/crm');
    expect(second!.headers['switchboard-delivery']).toBe(first!.headers['switchboard-delivery']);
    await page.getByRole('status').getByText('Sent again').waitFor();
    await page.screenshot({ path: path.join(shots, 'console-webhooks-log.png') });
    await expectAccessible(page, 'the webhook delivery log');
    chat.close();
    await page.close();
  });

  it('says when an endpoint was turned off for failing, on a phone and on a wide screen', async () => {
    receiver.answer('/down', () => ({ status: 500 }));
    await server.app.services.webhooks.endpoints.create({
      url: `${receiver.url}/down`,
      events: ['message.created'],
      includeInternalNotes: false,
      enabled: true,
    });
    const chat = await openChat(server);
    await chat.customer.send(chat.conversationId, 'nobody hears this');
    await expect
      .poll(async () =>
        (await server.app.services.webhooks.endpoints.list()).some((each) => each.disabled?.reason === 'failing'),
      )
      .toBe(true);
    chat.close();
    for (const width of [390, 1920]) {
      const page = await openTab(width);
      await page
        .getByRole('alert')
        .getByText(/kept failing and was turned off/)
        .waitFor();
      await page.getByText(/Turned off for failing \(1× in a row/).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(shots, `console-webhooks-failing-${width}.png`), fullPage: true });
      await page.close();
    }
  });

  it('an admin creates an API token (shown once) and revokes it', async () => {
    const page = await openTab(1440, 'API tokens');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByText('No API tokens yet.').waitFor();
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByLabel('Name').fill('Reporting server');
    await page.getByRole('checkbox', { name: 'agents:read' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    const secret = page.locator('.admin__secret-value');
    await secret.waitFor();
    const token = (await secret.textContent()) ?? '';
    expect(token).toMatch(/^sbt_/);
    const agents = await fetch(`${server.url}/api/agents`, { headers: { authorization: `Bearer ${token}` } });
    expect(agents.status).toBe(200);
    await page.screenshot({ path: path.join(shots, 'console-tokens-created.png') });
    await expectAccessible(page, 'the API tokens, one just created');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByRole('button', { name: 'Revoke Reporting server' }).click();
    await page.getByText(/^Revoked /).waitFor();
    expect((await fetch(`${server.url}/api/agents`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
    await page.close();
  });

  it('an admin finds a customer by email, exports and erases them; fits a phone and a wide screen', async () => {
    const chat = await openChat(server, { prechat: { name: 'Nina Privacy', email: 'nina.privacy@example.com' } });
    await chat.customer.send(chat.conversationId, 'please forget me');
    await chat.desk.request('conversation.close', { conversationId: chat.conversationId, disposition: 'resolved' });
    chat.close();
    for (const width of [390, 1920]) {
      const page = await openTab(width, 'Data protection');
      await page.getByText('Retention of closed chats').waitFor();
      await page
        .getByText('Closed chats older than 30 days lose their messages, files and customer details.')
        .waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(shots, `console-privacy-${width}.png`), fullPage: true });
      await page.close();
    }
    const page = await openTab(1440, 'Data protection');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByLabel('Customer’s email').fill('nina.privacy@example.com');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('row', { name: /Nina Privacy/ }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON Nina Privacy' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^customer-[0-9a-f]{24}\.json$/);
    await page.getByRole('button', { name: 'Erase… Nina Privacy' }).click();
    await page.getByText(/^Erased: 1 chat, \d+ messages, 0 files\.$/).waitFor();
    await page.screenshot({ path: path.join(shots, 'console-privacy-erased.png') });
    await expectAccessible(page, 'data protection');
    expect(
      await server.app.mongo.db!.collection('customers').countDocuments({ email: 'nina.privacy@example.com' }),
    ).toBe(0);
    await page.close();
  });
});
