import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DepartmentView } from '@switchboard/shared';
import { departmentCreateSchema } from '@switchboard/shared/schemas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type TestAgent } from '../support/agent-client.js';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { openDesk, setStatus } from '../routing/routing-support.js';
import { assertAgentAppBuilt, chatTab, launchChromium, screenshotDir, signInToDesk } from './browser.js';

/**
 * The desk's transfer dialog in a browser: each team with who is online in
 * it and the wait, and a warning to confirm before handing a chat to a team
 * nobody can answer for now.
 */
describe('transfer dialog in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let lei: TestAgent;
  let audio: DepartmentView;
  let olga: TestAgentDesk;
  const customers: TestCustomer[] = [];
  const shots = screenshotDir();

  const department = (fields: Record<string, unknown>) =>
    server.app.services.departments.create(departmentCreateSchema.parse(fields));
  const options = () => page.locator('#transfer-target option').allTextContents();

  beforeAll(async () => {
    assertAgentAppBuilt();
    mkdirSync(shots, { recursive: true });
    server = await startTestServer({ testFile: import.meta.filename });
    lei = await createAgent(server, { displayName: 'Lei', languages: ['en', 'fr'], capacity: 5 });
    audio = await department({ name: 'Audio', topics: [{ key: 'earbuds', labels: {} }] });
    const repairs = await department({ name: 'Repairs', topics: [{ key: 'repairs', labels: {} }] });
    // No opening interval on any day: closed whenever the test runs.
    await department({
      name: 'Night shift',
      topics: [{ key: 'night', labels: {} }],
      hours: { timeZone: 'UTC', weekly: {} },
    });
    olga = await openDesk(server, { displayName: 'Olga', departmentIds: [repairs.id], languages: ['fr'], capacity: 2 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);

  afterAll(async () => {
    for (const client of customers) client.disconnect();
    await setStatus(olga, 'offline').catch(() => undefined);
    olga.disconnect();
    await browser.close();
    await server.stop();
  });

  it('shows who is online in each team and the wait, and asks before handing a chat to a team with nobody online', async () => {
    await signInToDesk(page, server.url, lei);
    await page.getByRole('radio', { name: 'Online' }).click();
    await expect.poll(async () => (await server.app.services.agents.getView(lei.agent.id))?.status).toBe('online');

    const marie = new TestCustomer(server.url);
    customers.push(marie);
    await marie.connect();
    const { conversation } = await marie.start({ name: 'Marie', topic: 'iphone-battery', language: 'en' });
    await expect
      .poll(async () => (await server.app.services.conversations.load(conversation.id))?.agentId?.toHexString())
      .toBe(lei.agent.id);
    await page.locator('.inbox-item', { hasText: 'Marie' }).click();
    await chatTab(page, 'Marie').waitFor();

    await page.getByRole('button', { name: 'Transfer…' }).click();
    await expect.poll(options).toContain('Audio — nobody online');
    expect(await options()).toEqual([
      'Choose…',
      'Audio — nobody online',
      'Night shift — closed now',
      'Repairs — 1 online, 1 with a free slot · wait under a minute',
    ]);

    // A team nobody can answer for: the first click warns, the chat stays with Lei.
    await page.getByLabel('Transfer to').selectOption(audio.id);
    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    const warning = page.getByRole('alert');
    await expect
      .poll(() => warning.textContent())
      .toBe(
        "Nobody in Audio is online. The customer will wait in the team's queue, with the option to leave a message and get an answer by email; they will be told so.",
      );
    expect((await server.app.services.conversations.load(conversation.id))?.status).toBe('active');
    await page.screenshot({ path: path.join(shots, 'desk-transfer-warning-1280x800.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, 'desk-transfer-warning-390x844.png') });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Confirmed: transferred, and the customer is told nobody of the team is online.
    await page.getByRole('button', { name: 'Transfer anyway' }).click();
    await expect
      .poll(async () => (await server.app.services.conversations.load(conversation.id))?.status)
      .toBe('queued');
    await marie.waitFor(() =>
      marie
        .log(conversation.id)
        .list()
        .some((m) => m.system?.event === 'conversation.transferred' && m.system.params.teamAway === 'no-agents'),
    );
  });
});
