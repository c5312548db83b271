import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAgentAppBuilt, launchChromium, screenshotDir, signInToDesk } from '../agent-app/browser.js';
import { createAgent, type TestAgent } from '../support/agent-client.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectAccessible } from '../support/axe.js';

describe('console admin side in the browser', () => {
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

  async function signIn(who: TestAgent): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInToDesk(page, server.url, who);
    return page;
  }

  it('an admin creates a canned response in the console; an agent finds it by its /shortcut', async () => {
    const admin = await createAgent(server, { displayName: 'Ada Admin', role: 'admin' });
    const lei = await createAgent(server, { displayName: 'Lei' });
    const page = await signIn(admin);
    await page.getByRole('button', { name: 'Supervisor console' }).click();
    await page.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: 'Canned responses' }).waitFor();
    await page.getByRole('row', { name: /\/greet/ }).waitFor();
    await page.screenshot({ path: path.join(shots, 'console-admin-canned.png') });
    await expectAccessible(page, 'the canned responses');

    // A bad shortcut first: the server's typed error names the field, nothing is created.
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByLabel(/Shortcut/).fill('Delivery Times');
    await page.getByLabel('Title').fill('Delivery times');
    await page.getByLabel(/^Text/).fill('Hi {{customer.firstName}}, deliveries take 2–3 working days.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText('Please check these fields:').waitFor();
    await page.getByRole('alert').getByText('shortcut').waitFor();
    await page.screenshot({ path: path.join(shots, 'console-admin-canned-error.png') });
    await expectAccessible(page, 'the canned response form with an error');

    await page.getByLabel(/Shortcut/).fill('delivery-times');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row', { name: /\/delivery-times/ }).waitFor();
    await page.screenshot({ path: path.join(shots, 'console-admin-canned-saved.png') });
    const entries = (await server.app.services.audit.list({ action: 'canned.create', limit: 10 })).map(
      (entry) => entry.details.shortcut,
    );
    expect(entries).toEqual(['delivery-times']);

    // The agent's desk finds it by /shortcut, variables filled in.
    const desk = await signIn(lei);
    await desk.getByRole('radio', { name: 'Online' }).click();
    const customer = new TestCustomer(server.url);
    await customer.connect();
    const { conversation } = await customer.start({ name: 'Marie Dupont', topic: 'general', language: 'en' });
    const principal = { ...lei.agent, capacity: lei.agent.capacity };
    await server.app.services.conversations.assign(conversation.id, principal).catch(() => undefined);
    await customer.send(conversation.id, 'When will my order arrive?');
    await desk.locator('.inbox-item', { hasText: 'Marie Dupont' }).click();
    const composer = desk.locator('textarea.composer__input');
    await composer.click();
    await composer.pressSequentially('/deliv');
    await desk.locator('.canned__item', { hasText: '/delivery-times' }).waitFor();
    await composer.press('Enter');
    await expect.poll(() => composer.inputValue()).toBe('Hi Marie, deliveries take 2–3 working days.');
    await desk.screenshot({ path: path.join(shots, 'console-admin-desk-canned.png') });
    customer.disconnect();
    await desk.close();

    // The other sections, looked at as an admin.
    for (const [tab, shot] of [
      ['Knowledge base', 'console-admin-articles.png'],
      ['Agents', 'console-admin-agents.png'],
      ['Departments', 'console-admin-departments.png'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('table').waitFor();
      await page.screenshot({ path: path.join(shots, shot) });
      await expectAccessible(page, `the admin tab ${tab}`);
    }
    await page.getByRole('tab', { name: 'Departments' }).click();
    await page.getByRole('button', { name: 'New' }).click();
    // A department whose name and topics customers read in their own language.
    await page.getByLabel('Name', { exact: true }).fill('billing-team');
    await page.getByLabel(/^Topics, one per line/).fill('billing | Billing');
    await page.getByLabel('Name in French').fill('Facturation');
    await page.getByLabel('Name in Chinese (Simplified)').fill('账单');
    await page.getByLabel(/^Topic labels in French/).fill('billing | Facturation');
    await page.screenshot({ path: path.join(shots, 'console-admin-department-form.png'), fullPage: true });
    await expectAccessible(page, 'the department form');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await server.app.services.departments.list()).find((d) => d.name === 'billing-team'))
      .toMatchObject({
        names: { fr: 'Facturation', 'zh-Hans': '账单' },
        topics: [{ key: 'billing', labels: { en: 'Billing', fr: 'Facturation' } }],
      });
    await page.getByRole('button', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    await page.getByText('All chats').waitFor();
    await page.screenshot({ path: path.join(shots, 'console-reports.png'), fullPage: true });
    await expectAccessible(page, 'the reports');
    await page.getByRole('button', { name: 'Audit log' }).click();
    await page.getByRole('rowheader', { name: 'Added a canned response' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'console-audit.png') });
    await expectAccessible(page, 'the audit log');
    await page.close();
  }, 120_000);

  it('shows supervisors agents and departments read-only, without admin-only buttons', async () => {
    const supervisor = await createAgent(server, { displayName: 'Sam', role: 'supervisor' });
    const page = await signIn(supervisor);
    await page.getByRole('button', { name: 'Supervisor console' }).click();
    await page.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: 'Agents' }).click();
    await page.getByText('Only admins can change these; you can look.').waitFor();
    await page.getByRole('row', { name: /Sam/ }).waitFor();
    expect(await page.getByRole('button', { name: /Deactivate|Reset password|^New$/ }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Canned responses' }).click();
    await page.getByRole('button', { name: 'New' }).waitFor();
    await page.close();
  });
});
