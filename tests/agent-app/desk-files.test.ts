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
    server = await startTestServer({ testFile: import.meta.filename, env: { CUSTOMER_MESSAGE_RATE: '1000' } });
    agent = await createAgent(server, { displayName: 'Lei', role: 'admin', languages: ['en', 'fr'] });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);
  afterAll(async () => {
    for (const client of customers) client.disconnect();
    await browser.close();
    await server.stop();
  });

  /** A customer's chat, assigned to the test agent. */
  async function assignedChat(name: string, language: 'en' | 'fr') {
    const customer = new TestCustomer(server.url);
    customers.push(customer);
    await customer.connect();
    const { conversation } = await customer.start({ name, topic: 'screen', language });
    const principal: AgentPrincipal = {
      id: agent.agent.id,
      role: agent.agent.role,
      displayName: agent.agent.displayName,
      departmentIds: agent.agent.departmentIds,
      languages: agent.agent.languages,
      capacity: agent.agent.capacity,
    };
    await server.app.services.conversations.assign(conversation.id, principal);
    return { customer, conversation };
  }

  it('shows the customer’s photo as a thumbnail and in the Files list; the agent sends a PDF back', async () => {
    await signInToDesk(page, server.url, agent);
    const { customer, conversation } = await assignedChat('Marie', 'fr');
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

    // The wrong file first: removed before sending, it is given up on the server too (its bytes deleted).
    await page.locator('.composer input[type="file"]').setInputFiles({
      name: 'wrong-form.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    await page.getByText('Ready to send').waitFor();
    await page.getByRole('button', { name: 'Remove file' }).click();
    const files = server.app.mongo.collection('attachments');
    await expect
      .poll(() => files.countDocuments({ name: 'wrong-form.pdf', status: 'removed', files: { $exists: false } }))
      .toBe(1);

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

  it('on a phone (390 px): the agent sends a photo, sees its thumbnail, and the Files list has every file of a long chat', async () => {
    const { customer, conversation } = await assignedChat('Tomás', 'en');
    const warranty = expectUploaded(
      await upload(server.url, customer, conversation.id, { name: 'warranty.pdf', bytes: tinyPdf() }),
    );
    expectSent(
      await customer.request<MessageSent>('message.send', {
        conversationId: conversation.id,
        clientMessageId: randomUUID(),
        body: 'My warranty',
        attachmentId: warranty.id,
      }),
    );
    // More messages than the desk loads at first: the warranty is not among those it holds.
    for (let n = 1; n <= 60; n += 1) expectSent(await customer.send(conversation.id, `Detail ${n}`));

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInToDesk(phone, server.url, agent);
    await phone.locator('.inbox-item', { hasText: 'Tomás' }).click();
    await phone.locator('.message', { hasText: 'Detail 60' }).waitFor();
    expect(await phone.locator('.message', { hasText: 'My warranty' }).count()).toBe(0);

    await phone.locator('.composer input[type="file"]').setInputFiles({
      name: 'how-to-reset.jpg',
      mimeType: 'image/jpeg',
      buffer: await phonePhoto(),
    });
    await phone.getByText('Ready to send').waitFor();
    await phone.screenshot({ path: path.join(shots, 'desk-390-file-staged.png') });
    // The thumbnail is held back a moment: its room in the list must be kept before it arrives.
    let releaseThumbnail: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (releaseThumbnail = resolve));
    await phone.route('**/api/files/*/thumbnail?*', async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    await phone.locator('textarea.composer__input').fill('Hold the two buttons like this');
    await phone.locator('textarea.composer__input').press('Enter');
    const thumbnail = phone.locator('.message .attachment__image img');
    await thumbnail.waitFor();
    // The photo is 80 × 120 once turned upright: that much room before a byte of it came.
    expect(
      await thumbnail.evaluate((img: HTMLImageElement) => [
        img.complete && img.naturalWidth > 0,
        Math.round(img.getBoundingClientRect().height),
      ]),
    ).toEqual([false, 120]);
    releaseThumbnail();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await phone.unrouteAll({ behavior: 'ignoreErrors' });
    // The list scrolled to the new message with the picture's room kept, not to where it ended before it loaded.
    const bottoms = () =>
      thumbnail.evaluate((img) => {
        const scroller = img.closest('.messages__scroller')!.getBoundingClientRect();
        return Math.ceil(img.getBoundingClientRect().bottom) <= Math.ceil(scroller.bottom);
      });
    // A readiness wait (CI under load once took over the default second to scroll), not a timing check.
    await expect.poll(bottoms, { timeout: 5_000 }).toBe(true);
    const scrollWidth = () => phone.evaluate(() => document.documentElement.scrollWidth);
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: path.join(shots, 'desk-390-file-sent.png') });

    await phone.getByRole('button', { name: 'Customer details' }).click();
    const files = phone.locator('.files-list');
    await files.scrollIntoViewIfNeeded();
    await expect.poll(() => files.locator('a', { hasText: 'warranty.pdf' }).isVisible()).toBe(true);
    await expect
      .poll(() => files.locator('li').allTextContents())
      .toEqual([expect.stringContaining('how-to-reset.jpg'), expect.stringContaining('warranty.pdf')]);
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: path.join(shots, 'desk-390-files-list.png') });
    expect(await files.locator('a', { hasText: 'warranty.pdf' }).getAttribute('href')).toMatch(
      /^\/api\/files\/[0-9a-f]{24}\/original\?e=\d+&s=/,
    );
    await phone.close();
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
