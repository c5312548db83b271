import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAgentAppBuilt, launchChromium, screenshotDir, signInToDesk } from '../agent-app/browser.js';
import { createAgent, createSignedInAgent } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { seedDemoBoard } from './demo-board.js';
import { flagIdle, SUPERVISION_ENV } from './supervision-support.js';
import { expectAccessible } from '../support/axe.js';

describe('supervisor console in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    assertAgentAppBuilt();
    server = await startTestServer({ testFile: import.meta.filename, env: SUPERVISION_ENV });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  async function signInPage(email: string, password: string, viewport = { width: 1280, height: 800 }) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signInToDesk(page, server.url, { email, password });
    return page;
  }

  it('shows an idle chat live and reassigns it in one action to an agent whose desk then shows it', async () => {
    const supervisor = await createAgent(server, { displayName: 'Grace', role: 'supervisor' });
    const mia = await createAgent(server, { displayName: 'Mia', capacity: 2 });
    const lei = await TestAgentDesk.open(server, { displayName: 'Lei' });
    const customer = new TestCustomer(server.url);
    await customer.connect();
    const { conversation } = await customer.start({ name: 'Marie', topic: 'iphone-battery', language: 'en' });
    await server.app.services.conversations.assign(conversation.id, lei.principal);
    await customer.send(conversation.id, 'Hello? My battery still drains.');

    const miaPage = await signInPage(mia.email, mia.password);
    await miaPage.getByRole('radio', { name: 'Online' }).click();
    const page = await signInPage(supervisor.email, supervisor.password, { width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Supervisor console' }).click();
    await page.getByRole('button', { name: /Idle sessions/ }).click();
    await page.getByText(/No idle chats/).waitFor();

    // The flag appears without a reload.
    await flagIdle(server, conversation.id, 'agent-unanswered');
    const row = page.getByRole('listitem', { name: conversation.caseNumber });
    await row.waitFor();
    await row.getByText('Agent has not answered').waitFor();
    await page.screenshot({ path: path.join(screenshotDir(), 'console-idle.png') });
    await expectAccessible(page, 'the idle sessions');

    await row.getByLabel(/Reassign to/).selectOption({ label: 'Mia — 2 free' });
    await row.getByRole('button', { name: 'Reassign' }).click();
    await page.getByText(`Done: ${conversation.caseNumber}`).waitFor();
    await page.getByText(/No idle chats/).waitFor();

    // Mia's desk has the chat, with the customer's history.
    await miaPage.getByRole('button', { name: /Marie/ }).first().waitFor();
    await miaPage.getByRole('button', { name: /Marie/ }).first().click();
    // In the chat's history (the inbox preview shows the same words).
    await miaPage.locator('.message__body', { hasText: 'Hello? My battery still drains.' }).first().waitFor();
    const stored = await server.app.services.conversations.load(conversation.id);
    expect(stored?.agentId?.toHexString()).toBe(mia.agent.id);
    await miaPage.context().close();
    await page.context().close();
    lei.disconnect();
    customer.disconnect();
  });

  it('is readable at 1920×1080 with 10 departments and 50 agents (screenshots), and agents never see it', async () => {
    await seedDemoBoard(server);
    const admin = await createAgent(server, { displayName: 'Ada Admin', role: 'admin' });
    const page = await signInPage(admin.email, admin.password, { width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Supervisor console' }).click();
    await page.getByRole('heading', { name: 'Departments' }).waitFor();
    await page.getByRole('button', { name: 'Show chats of Orders & Delivery' }).waitFor();
    await page.screenshot({ path: path.join(screenshotDir(), 'console-board.png') });
    await expectAccessible(page, 'the live board');
    await page.getByRole('button', { name: 'Show chats of Wearables' }).click();
    const live = page.getByRole('region', { name: 'Live chats: Wearables' });
    await live.waitFor();
    await live.getByRole('button', { name: 'Observe' }).first().click();
    await page.getByText(/Read-only/).waitFor();
    await page.screenshot({ path: path.join(screenshotDir(), 'console-observe.png') });
    await expectAccessible(page, 'an observed chat');
    await page.context().close();

    const agent = await createSignedInAgent(server, { displayName: 'Plain Agent' });
    const agentPage = await signInPage(agent.email, agent.password);
    expect(await agentPage.getByRole('button', { name: 'Supervisor console' }).count()).toBe(0);
    await agentPage.context().close();
    // Seeding 50 agents (password hashing) is slow on a shared two-core machine.
  }, 180_000);
});
