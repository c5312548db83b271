import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAgentAppBuilt, launchChromium, screenshotDir, signInToDesk } from '../agent-app/browser.js';
import { createAgent, signIn as signInSession, type TestAgent } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createDepartment } from '../routing/routing-support.js';
import { flagIdle, SUPERVISION_ENV } from './supervision-support.js';

/**
 * What a team lead does in the console, in a real browser: whisper to an
 * agent and join a chat (Enter sends), take a chat over without going online,
 * close an idle chat only after confirming a resolution, tell a department's
 * "deployment default" from "off", give an agent a photo, and read the audit
 * log in words.
 */
describe('supervisor workflows in the console', () => {
  let server: TestServer;
  let browser: Browser;
  let ada: TestAgent;
  let lei: TestAgent;
  const people: { disconnect(): void }[] = [];
  const shots = screenshotDir();

  async function chatWithLei(name: string, text: string) {
    const customer = new TestCustomer(server.url);
    people.push(customer);
    await customer.connect();
    const { conversation } = await customer.start({ name, topic: 'iphone-battery', language: 'en' });
    await server.app.services.conversations.assign(conversation.id, {
      id: lei.agent.id,
      role: 'agent',
      displayName: 'Lei',
      departmentIds: [],
      languages: ['en'],
      capacity: 5,
    });
    await customer.send(conversation.id, text);
    return { customer, conversationId: conversation.id, caseNumber: conversation.caseNumber };
  }

  async function signIn(who: TestAgent, width = 1440): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await signInToDesk(page, server.url, who);
    return page;
  }

  beforeAll(async () => {
    assertAgentAppBuilt();
    mkdirSync(shots, { recursive: true });
    server = await startTestServer({ testFile: import.meta.filename, env: SUPERVISION_ENV });
    browser = await launchChromium();
    ada = await createAgent(server, { displayName: 'Ada', role: 'admin' });
    lei = await createAgent(server, { displayName: 'Lei', capacity: 5 });
  });
  afterAll(async () => {
    for (const person of people) person.disconnect();
    await browser.close();
    await server.stop();
  });

  it('whispers, joins, takes over from the console and closes only after a confirmed resolution', async () => {
    const leiPage = await signIn(lei);
    const first = await chatWithLei('Marta Ruiz', 'My battery dies by noon.');
    const page = await signIn(ada);
    await page.getByRole('button', { name: 'Supervisor console' }).click();
    await page.getByRole('button', { name: /Idle sessions/ }).click();
    await flagIdle(server, first.conversationId, 'agent-unanswered');
    const row = page.getByRole('listitem', { name: first.caseNumber });
    await row.getByRole('button', { name: 'Observe' }).click();

    // Watching, not joined: the composer whispers to the agent; Enter sends it.
    const composer = page.getByRole('textbox', { name: /Whisper to the agent/ });
    await composer.fill('Offer her the battery swap, it is under warranty.');
    await composer.press('Enter');
    await leiPage.locator('.inbox-item', { hasText: 'Marta Ruiz' }).click();
    const whisper = leiPage.locator('.message--note', { hasText: 'Offer her the battery swap' });
    await whisper.waitFor();
    expect(await whisper.textContent()).toContain('Note from Ada');
    await leiPage.screenshot({ path: path.join(shots, 'desk-whisper.png') });
    const reachedCustomer = (text: string) =>
      first.customer.bodies(first.conversationId).some((body) => body.includes(text));
    expect(reachedCustomer('battery swap')).toBe(false);

    // Take over from Idle sessions, never having gone online.
    await page.getByRole('button', { name: /Idle sessions/ }).click();
    await row.getByRole('button', { name: 'Take over' }).click();
    await page.getByText(`${first.caseNumber} is yours now, on your desk.`).waitFor();
    expect((await server.app.services.agents.getById(ada.agent.id))?.status).toBe('offline');
    await leiPage.getByText('No longer yours: Taken over by Ada.').waitFor();
    await page.getByRole('button', { name: 'Open my desk' }).click();
    await page.locator('.inbox-item', { hasText: 'Marta Ruiz' }).click();
    await page.locator('textarea.composer__input').waitFor();

    // Another chat: joined, Enter sends to the customer.
    const second = await chatWithLei('Noah Berg', 'Hello?');
    await flagIdle(server, second.conversationId, 'customer-silent');
    await page.getByRole('button', { name: 'Supervisor console' }).click();
    await page.getByRole('button', { name: /Idle sessions/ }).click();
    const secondRow = page.getByRole('listitem', { name: second.caseNumber });
    await secondRow.getByRole('button', { name: 'Observe' }).click();
    await page.getByRole('button', { name: 'Join chat' }).click();
    const reply = page.getByRole('textbox', { name: 'Message to the customer' });
    await reply.fill('Hello Noah, Ada here, are you still with us?');
    await reply.press('Enter');
    const reachedNoah = () => second.customer.bodies(second.conversationId).some((body) => body.includes('Ada here'));
    await second.customer.waitFor(reachedNoah);
    // Cleared once the send is acknowledged, which can reach the console after Noah has the message.
    await expect.poll(() => reply.inputValue()).toBe('');
    await page.screenshot({ path: path.join(shots, 'console-observe-joined.png') });

    // Close from Idle sessions: nothing happens until the resolution is confirmed.
    await page.getByRole('button', { name: /Idle sessions/ }).click();
    await secondRow.getByRole('button', { name: 'Close' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: 'No response from customer' }).isChecked()).toBe(true);
    await page.screenshot({ path: path.join(shots, 'console-idle-close.png') });
    expect((await server.app.services.conversations.load(second.conversationId))?.status).toBe('active');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await server.app.services.conversations.load(second.conversationId))?.status).toBe('active');
    await secondRow.getByRole('button', { name: 'Close' }).click();
    await dialog.getByRole('radio', { name: 'Resolved' }).check();
    await dialog.getByRole('button', { name: 'Close chat', exact: true }).click();
    await page.getByText(`Done: ${second.caseNumber}`).waitFor();
    expect(await server.app.services.conversations.load(second.conversationId)).toMatchObject({
      status: 'closed',
      disposition: 'resolved',
    });
    const closes = await server.app.services.audit.list({
      action: 'conversation.close',
      targetId: second.conversationId,
      limit: 5,
    });
    expect(closes.map((entry) => entry.details.disposition)).toEqual(['resolved']);
    await leiPage.close();
    await page.close();
  }, 120_000);

  it('sets thresholds, an agent photo and a jobs link as an admin, and reads the audit log in words', async () => {
    const department = await createDepartment(server, { name: 'Phones', topics: [{ key: 'phones', labels: {} }] });
    // A take-over for the log to tell about (made over Ada's own socket).
    const chat = await chatWithLei('Iris Long', 'Still waiting.');
    const adaSocket = await TestAgentDesk.openSession(
      server.url,
      await signInSession(server.url, ada.email, ada.password),
    );
    people.push(adaSocket);
    expect(await adaSocket.request('supervisor.takeover', { conversationId: chat.conversationId })).toMatchObject({
      ok: true,
    });
    const page = await signIn(ada, 1280);
    await page.getByRole('button', { name: 'Supervisor console' }).click();
    expect(await page.getByRole('link', { name: 'Job queues' }).getAttribute('href')).toBe('/admin/queues');
    await page.getByRole('button', { name: 'Admin' }).click();

    await page.getByRole('tab', { name: 'Departments' }).click();
    await page.getByRole('button', { name: 'Edit Phones' }).click();
    const requeue = page.getByLabel('Requeue a flagged chat after', { exact: true });
    // AGENT_IDLE_REQUEUE is not set in this deployment: its default is off, and the choice says so.
    expect(await requeue.inputValue()).toBe('default');
    expect(await requeue.locator('option').allTextContents()).toEqual([
      'Deployment default (off)',
      'Off in this department',
      'After…',
    ]);
    await requeue.selectOption('value');
    await page.getByLabel('Requeue a flagged chat after (seconds)').fill('90');
    await page.getByLabel('Flag an unanswered chat after', { exact: true }).selectOption('value');
    await page.getByLabel('Flag an unanswered chat after (seconds)').fill('45');
    await page.screenshot({ path: path.join(shots, 'console-department-thresholds.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => {
        const stored = await server.app.services.departments.get(department.id);
        return [stored?.autoRequeueSeconds, stored?.agentReplySlaSeconds, stored?.customerIdleNudgeSeconds];
      })
      .toEqual([90, 45, null]);
    await page.getByRole('button', { name: 'Edit Phones' }).click();
    await page.getByLabel('Requeue a flagged chat after', { exact: true }).selectOption('off');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await server.app.services.departments.get(department.id))?.autoRequeueSeconds)
      .toBe('off');

    await page.getByRole('tab', { name: 'Agents' }).click();
    await page.getByRole('button', { name: 'Edit Lei' }).click();
    await page.getByLabel('Photo URL').fill('https://cdn.example.com/lei.png');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await server.app.services.agents.getView(lei.agent.id))?.avatarUrl)
      .toBe('https://cdn.example.com/lei.png');

    await page.getByRole('button', { name: 'Audit log' }).click();
    const log = page.getByRole('table');
    await log.getByRole('rowheader', { name: 'Took over a chat' }).first().waitFor();
    const text = (await log.textContent()) ?? '';
    expect(text).toContain('From Lei to Ada');
    expect(text).toContain(`Case ${chat.caseNumber}`);
    expect(text).toContain('Changed a department');
    expect(text).toContain('Department Phones');
    expect(text).toContain('Requeue a flagged chat after: 90 → off');
    expect(text).toContain('Agent Lei');
    expect(text).toContain('Photo: — → https://cdn.example.com/lei.png');
    // No raw JSON, no bare object ids.
    expect(text).not.toMatch(/\{"|[a-f0-9]{24}/);
    await page.screenshot({ path: path.join(shots, 'console-audit-readable.png'), fullPage: true });
    await page.close();
  }, 120_000);
});
