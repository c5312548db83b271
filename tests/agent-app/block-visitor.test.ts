import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type TestAgent } from '../support/agent-client.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { assertAgentAppBuilt, launchChromium, screenshotDir, signInToDesk } from './browser.js';
import { expectAccessible } from '../support/axe.js';

/** The agent blocks an abusive visitor from the desk; a supervisor sees it in the console and lifts it. */
describe('blocking a visitor from the desk, lifting it in the console (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  const shots = screenshotDir();

  beforeAll(async () => {
    assertAgentAppBuilt();
    mkdirSync(shots, { recursive: true });
    server = await startTestServer({ testFile: import.meta.filename });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  async function signIn(who: TestAgent, viewport = { width: 1440, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    await signInToDesk(page, server.url, who);
    return page;
  }

  it('blocks with a reason and a duration, ends the chat, and the console lifts it', async () => {
    const lei = await createAgent(server, { displayName: 'Lei' });
    const sue = await createAgent(server, { displayName: 'Sue', role: 'supervisor' });
    const desk = await signIn(lei);
    await desk.getByRole('radio', { name: 'Online' }).click();
    const customer = new TestCustomer(server.url);
    await customer.connect();
    const { conversation } = await customer.start({ name: 'Troll', topic: 'general', language: 'en' });
    await server.app.services.conversations
      .assign(conversation.id, { ...lei.agent, capacity: lei.agent.capacity })
      .catch(() => undefined);
    await customer.send(conversation.id, 'You are all useless.');
    await desk.locator('.inbox-item', { hasText: 'Troll' }).click();
    await desk.getByRole('button', { name: 'Block visitor…' }).click();
    const dialog = desk.getByRole('dialog', { name: /Block this visitor/ });
    await dialog.waitFor();
    // No reason, no block.
    expect(await dialog.getByRole('button', { name: 'Block visitor' }).isDisabled()).toBe(true);
    await dialog.getByLabel(/Reason/).fill('Insults the advisor');
    await dialog.getByLabel('For how long').selectOption('7d');
    await desk.screenshot({ path: path.join(shots, 'desk-block-dialog.png') });
    await expectAccessible(desk, 'the block dialog');
    // On a phone-sized window the dialog still fits, its button in reach.
    await desk.setViewportSize({ width: 390, height: 844 });
    expect(await dialog.getByRole('button', { name: 'Block visitor' }).isVisible()).toBe(true);
    await desk.screenshot({ path: path.join(shots, 'desk-block-dialog-phone.png') });
    await desk.setViewportSize({ width: 1440, height: 900 });
    await dialog.getByRole('button', { name: 'Block visitor' }).click();
    await desk
      .getByRole('status')
      .filter({ hasText: /closed|ended|Spam/i })
      .first()
      .waitFor();
    await expect.poll(() => customer.socket.connected).toBe(false);
    expect((await server.app.services.conversations.load(conversation.id))?.status).toBe('closed');
    await desk.screenshot({ path: path.join(shots, 'desk-blocked-chat-closed.png') });

    const console = await signIn(sue);
    await console.getByRole('button', { name: 'Supervisor console' }).click();
    await console.getByRole('button', { name: 'Blocked visitors' }).click();
    const row = console.getByRole('row', { name: /Troll/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Insults the advisor');
    expect(await row.textContent()).toContain('Lei');
    await console.screenshot({ path: path.join(shots, 'console-blocked-visitors.png') });
    await expectAccessible(console, 'the blocked visitors');
    await row.getByRole('button', { name: /Lift/ }).click();
    await console.getByText('Nobody is blocked.').waitFor();
    expect(await server.app.services.blocks.list()).toEqual([]);
    const audit = await server.app.services.audit.list({ action: 'visitor.unblock', limit: 5 });
    expect(audit[0]?.actor.name).toBe('Sue');
    customer.disconnect();
    await desk.close();
    await console.close();
  });
});
