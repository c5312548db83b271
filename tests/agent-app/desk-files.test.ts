import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AgentPrincipal } from '@switchboard/server';
import type { MessageSent } from '@switchboard/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSent, expectUploaded, phonePhoto, tinyPdf, upload } from '../attachments/upload-helpers.js';
import { createAgent, type TestAgent } from '../support/agent-client.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { assertAgentAppBuilt, launchChromium, screenshotDir, signInToDesk } from './browser.js';
import { expectAccessible } from '../support/axe.js';

/** Files on the agent desk: the customer's photo as a thumbnail, the Files list, the agent sending a file, admin rules. */
describe('files on the agent desk (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let agent: TestAgent;
  const customers: TestCustomer[] = [];
  const shots = screenshotDir();

  beforeAll(async () => {
    assertAgentAppBuilt();
    mkdirSync(shots, { recursive: true });
    server = await startTestServer({ testFile: import.meta.filename });
    agent = await createAgent(server, { displayName: 'Lei', role: 'admin', languages: ['en', 'fr'] });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);
  afterAll(async () => {
    for (const client of customers) client.disconnect();
    await browser.close();
    await server.stop();
  });

  it('shows the customer’s photo as a thumbnail and in the Files list; the agent sends a PDF back', async () => {
    await signInToDesk(page, server.url, agent);
    const customer = new TestCustomer(server.url);
    customers.push(customer);
    await customer.connect();
    const { conversation } = await customer.start({ name: 'Marie', topic: 'screen', language: 'fr' });
    const principal: AgentPrincipal = {
      id: agent.agent.id,
      role: agent.agent.role,
      displayName: agent.agent.displayName,
      departmentIds: agent.agent.departmentIds,
      languages: agent.agent.languages,
      capacity: agent.agent.capacity,
    };
    await server.app.services.conversations.assign(conversation.id, principal);
    const photo = expectUploaded(
      await upload(server.url, customer, conversation.id, { name: 'cracked.jpg', bytes: await phonePhoto() }),
    );
    expectSent(
      await customer.request<MessageSent>('message.send', {
        conversationId: conversation.id,
        clientMessageId: randomUUID(),
        body: 'Voici mon écran',
        attachmentId: photo.id,
      }),
    );

    await page.locator('.inbox-item', { hasText: 'Marie' }).click();
    const thumbnail = page.locator('.message .attachment__image img');
    await thumbnail.waitFor();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.files-list a', { hasText: 'cracked.jpg' }).isVisible()).toBe(true);

    await page.locator('.composer input[type="file"]').setInputFiles({
      name: 'repair-form.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    await page.getByText('Ready to send').waitFor();
    await page.screenshot({ path: path.join(shots, 'desk-files-staged.png') });
    await page.locator('textarea.composer__input').fill('Please fill this in');
    await page.locator('textarea.composer__input').press('Enter');
    await customer.waitFor(() =>
      customer
        .log(conversation.id)
        .list()
        .some((message) => message.attachment?.name === 'repair-form.pdf'),
    );
    await expect.poll(() => page.locator('.files-list li').count()).toBe(2);
    await page.screenshot({ path: path.join(shots, 'desk-files.png') });
    await expectAccessible(page, 'the desk with files in the chat');
  });

  it('lets the admin change the file rules in the console', async () => {
    await page.getByRole('button', { name: 'Supervisor console' }).click();
    await page.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: 'Files' }).click();
    const size = page.getByLabel('Largest file (MB)');
    await size.waitFor();
    expect(await size.inputValue()).toBe('10');
    await size.fill('5');
    await page.getByLabel('Keep files for (days)').fill('30');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await server.app.services.attachmentSettings.read()).maxBytes).toBe(5 * 1024 * 1024);
    expect((await server.app.services.attachmentSettings.read()).retentionDays).toBe(30);
    await page.screenshot({ path: path.join(shots, 'console-files.png') });
    await expectAccessible(page, 'the file rules');
  });
});
