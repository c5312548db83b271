import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AgentPrincipal } from '@switchboard/server';
import { departmentCreateSchema } from '@switchboard/shared/schemas';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type TestAgent } from '../support/agent-client.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { assertAgentAppBuilt, chatTab, launchChromium, screenshotDir, signInToDesk } from './browser.js';
import { expectAccessible } from '../support/axe.js';

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/**
 * The agent desk end to end: real server serving the built app,
 * real Chromium, customers driven by socket clients.
 */
describe('agent desk in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let agent: TestAgent;
  let colleague: TestAgent;
  const customers: TestCustomer[] = [];
  const shots = screenshotDir();

  const principal = (): AgentPrincipal => ({
    id: agent.agent.id,
    role: agent.agent.role,
    displayName: agent.agent.displayName,
    departmentIds: agent.agent.departmentIds,
    languages: agent.agent.languages,
    capacity: agent.agent.capacity,
  });

  /** A customer whose chat ends up with Lei: routing may assign it first (Lei is online), or we do. */
  async function customer(prechat: Parameters<TestCustomer['start']>[0]) {
    const client = new TestCustomer(server.url);
    customers.push(client);
    await client.connect();
    const { conversation } = await client.start(prechat);
    await server.app.services.conversations.assign(conversation.id, principal()).catch(() => undefined);
    const stored = await server.app.services.conversations.load(conversation.id);
    expect(stored?.agentId?.toHexString()).toBe(agent.agent.id);
    return { client, conversationId: conversation.id, caseNumber: conversation.caseNumber };
  }

  async function signInAs(target: Page, who: TestAgent) {
    await signInToDesk(target, server.url, who);
  }

  const composer = () => page.locator('textarea.composer__input');
  const inboxItem = (name: string) => page.locator('.inbox-item', { hasText: name });
  const tab = (name: string) => chatTab(page, name);
  const message = (text: string) => page.locator('.message', { hasText: text });

  beforeAll(async () => {
    assertAgentAppBuilt();
    mkdirSync(shots, { recursive: true });
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { CUSTOMER_MESSAGE_RATE: '1000', AGENT_MESSAGE_RATE: '1000' },
    });
    agent = await createAgent(server, { displayName: 'Lei', languages: ['en', 'fr', 'zh-Hans'] });
    const audio = await server.app.services.departments.create(
      departmentCreateSchema.parse({
        name: 'Audio',
        topics: [{ key: 'earbuds-repair', labels: { en: 'Earbuds repair' } }],
        languages: ['en', 'zh-Hans'],
        hours: null,
      }),
    );
    colleague = await createAgent(server, {
      displayName: 'Olga',
      departmentIds: [audio.id],
      languages: ['en', 'zh-Hans'],
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);

  afterAll(async () => {
    for (const client of customers) client.disconnect();
    await browser.close();
    await server.stop();
  });

  it('serves the app at /agent with a cacheable shell', async () => {
    const response = await fetch(`${server.url}/agent/inbox`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="root">');
    const redirect = await fetch(`${server.url}/agent`, { redirect: 'manual' });
    expect(redirect.headers.get('location')).toBe('/agent/');
  });

  it('signs in, goes online, serves two customers, and a reload loses nothing', async () => {
    await page.goto(`${server.url}/agent/`);
    await page.getByRole('heading', { name: 'Sign in to the agent desk' }).waitFor();
    await expectAccessible(page, 'the sign-in page');
    await signInAs(page, agent);

    await page.getByRole('radio', { name: 'Online' }).click();
    await expect.poll(async () => (await server.app.services.agents.getView(agent.agent.id))?.status).toBe('online');

    const marie = await customer({
      name: 'Marie Dupont',
      email: 'marie@example.com',
      topic: 'iphone-battery',
      language: 'fr',
      region: 'FR',
      pageUrl: 'https://shop.example.com/support/battery',
      userAgent: CHROME_ON_WINDOWS,
    });
    const wei = await customer({ name: 'Wei', topic: 'earbuds-pairing', language: 'zh-Hans' });
    await marie.client.send(marie.conversationId, 'Bonjour, ma batterie se décharge très vite depuis hier.');
    await wei.client.send(wei.conversationId, '我的耳机无法连接蓝牙');

    // Both arrive in the inbox, unread, with their language.
    await inboxItem('Marie Dupont').waitFor();
    await inboxItem('Wei').waitFor();
    await expect.poll(() => inboxItem('Marie Dupont').locator('.unread').textContent()).toBe('1');

    // Reply to Marie in her tab.
    await inboxItem('Marie Dupont').click();
    await tab('Marie Dupont').waitFor();
    await message('Bonjour, ma batterie se décharge très vite depuis hier.').waitFor();
    await composer().fill('Bonjour Marie, je regarde cela tout de suite.');
    await composer().press('Enter');
    await marie.client.waitFor(() =>
      marie.client.bodies(marie.conversationId).includes('Bonjour Marie, je regarde cela tout de suite.'),
    );

    // The customer panel and article suggestions follow the chat.
    await expect.poll(() => page.locator('.badge--anonymous').textContent()).toBe('Not verified');
    await page.getByText('Chrome 131 on Windows').waitFor();
    await page.getByText('shop.example.com/support/battery').waitFor();
    await page.locator('.kb__title', { hasText: 'La batterie se décharge vite' }).waitFor();

    // Reply to Wei in a second tab.
    await inboxItem('Wei').click();
    await tab('Wei').waitFor();
    await composer().fill('您好，我来帮您解决耳机连接的问题。');
    await composer().press('Enter');
    await wei.client.waitFor(() =>
      wei.client.bodies(wei.conversationId).includes('您好，我来帮您解决耳机连接的问题。'),
    );

    // The customer typing shows on the desk.
    wei.client.socket.emit('typing.set', { conversationId: wei.conversationId, typing: true });
    await page.getByText('Wei is typing…').waitFor();

    // Back to Marie: a canned reply with variables, in her language.
    await tab('Marie Dupont').click();
    await composer().click();
    await composer().pressSequentially('/gre');
    await page.locator('.canned__item', { hasText: '/greet' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'desk-canned-1280x800.png') });
    await expectAccessible(page, 'the canned responses picker');
    await composer().press('Enter');
    const expanded = `Bonjour Marie, je suis Lei — merci de nous avoir contactés. Nous allons régler cela ensemble. Votre numéro de dossier est le ${marie.caseNumber}.`;
    await expect.poll(() => composer().inputValue()).toBe(expanded);
    await composer().press('Enter');
    await marie.client.waitFor(() => marie.client.bodies(marie.conversationId).includes(expanded));

    // An internal note: shown to the agent as a note, never sent to the customer.
    await page.getByRole('radio', { name: /Note/ }).click();
    await composer().fill('Battery at 71% health according to the customer; offer a replacement.');
    await composer().press('Enter');
    await page.locator('.message--note', { hasText: 'offer a replacement' }).waitFor();
    await marie.client.send(marie.conversationId, 'Merci !');
    await message('Merci !').waitFor();
    await marie.client.sync();
    expect(marie.client.received.some((message) => message.internal)).toBe(false);
    expect(marie.client.bodies(marie.conversationId).join('\n')).not.toContain('offer a replacement');

    // A draft survives switching chats.
    await composer().fill('Pouvez-vous me donner le numéro de série ?');
    await tab('Wei').click();
    await tab('Marie Dupont').click();
    await expect.poll(() => composer().inputValue()).toBe('Pouvez-vous me donner le numéro de série ?');

    // Switching tabs remounts the virtualized list: it must show the conversation again.
    await message('Merci !').waitFor();
    await page.screenshot({ path: path.join(shots, 'desk-1280x800.png') });
    await expectAccessible(page, 'the desk with two chats open');

    // Transfer Wei to the Audio team with a note; Olga (away, so routing leaves it to her) picks it up.
    // Nobody of Audio is online yet: the dialog says so and asks once more.
    await tab('Wei').click();
    await page.getByRole('button', { name: 'Transfer…' }).click();
    await page.getByLabel('Transfer to').selectOption({ label: 'Audio — nobody online' });
    await page.getByLabel(/Note for the next advisor/).fill('Left earbud does not pair; already reset once.');
    await page.screenshot({ path: path.join(shots, 'desk-transfer-1280x800.png') });
    await expectAccessible(page, 'the transfer dialog');
    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await page.getByRole('button', { name: 'Transfer anyway' }).click();
    await expect.poll(() => inboxItem('Wei').count()).toBe(0);
    await wei.client.waitFor(() =>
      wei.client
        .log(wei.conversationId)
        .list()
        .some((m) => m.system?.event === 'conversation.transferred'),
    );
    expect(wei.client.bodies(wei.conversationId).join('\n')).not.toContain('already reset once');

    const second: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const olga = await second.newPage();
    await signInAs(olga, colleague);
    await olga.getByRole('radio', { name: 'Away' }).click();
    await olga.getByRole('button', { name: 'Pick up the chat with Wei' }).click();
    await chatTab(olga, 'Wei').waitFor();
    await olga.locator('.message--note', { hasText: 'already reset once' }).waitFor();
    await olga.locator('textarea.composer__input').fill('您好，我是 Olga，接着帮您处理耳机的问题。');
    await olga.locator('textarea.composer__input').press('Enter');
    await wei.client.waitFor(() =>
      wei.client.bodies(wei.conversationId).includes('您好，我是 Olga，接着帮您处理耳机的问题。'),
    );
    expect((await server.app.services.conversations.load(wei.conversationId))?.agentId?.toHexString()).toBe(
      colleague.agent.id,
    );
    await olga.screenshot({ path: path.join(shots, 'desk-pickup-1280x800.png') });
    await second.close();

    // Reload: Marie's tab, messages (once each) and draft are all still there.
    await page.reload();
    await tab('Marie Dupont').waitFor();
    await message('Bonjour Marie, je regarde cela tout de suite.').waitFor();
    await expect.poll(() => composer().inputValue()).toBe('Pouvez-vous me donner le numéro de série ?');
    expect(await page.locator('.message', { hasText: 'Bonjour Marie, je regarde cela tout de suite.' }).count()).toBe(
      1,
    );
    expect(await page.locator('.message--note', { hasText: 'offer a replacement' }).count()).toBe(1);

    // The shortcuts open the open chat's dialogs too: Alt+T the transfer, Alt+W the close.
    await page.keyboard.press('Alt+T');
    await page
      .getByRole('dialog', { name: 'Transfer this chat — Marie Dupont' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await page.keyboard.press('Alt+W');
    await page
      .getByRole('dialog', { name: 'Close this chat — Marie Dupont' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Close Marie's chat with a disposition.
    await page.getByRole('button', { name: 'Close chat…' }).click();
    await page.getByRole('radio', { name: 'Follow-up needed' }).check();
    await expectAccessible(page, 'the close dialog');
    await page.getByRole('button', { name: 'Close chat', exact: true }).click();
    await page.getByText(/This chat is closed\. Resolution: Follow-up needed\./).waitFor();
    expect(await server.app.services.conversations.load(marie.conversationId)).toMatchObject({
      status: 'closed',
      disposition: 'follow-up',
    });
    await marie.client.waitFor(() =>
      marie.client.events.some(
        (e) => e.event === 'conversation.updated' && (e.payload as { status: string }).status === 'closed',
      ),
    );

    await page.setViewportSize({ width: 1920, height: 1080 });
    await message('Merci !').waitFor();
    await page.screenshot({ path: path.join(shots, 'desk-1920x1080.png') });
    // A whole shift in one test, on two shared cores next to other suites: generous on purpose.
  }, 120_000);

  it('returns to the sign-in page with a message when the session ends', async () => {
    await server.app.services.revocation.endAgent(agent.agent.id, 'expired');
    await page.getByText(/Your session ended/).waitFor();
    await page.getByLabel('Work email').waitFor();
  });

  it('starts at the sign-in form, then at the agent’s chats; the status switch moves with the arrow keys', async () => {
    const kim = await createAgent(server, { displayName: 'Kim' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const desk = await context.newPage();
    // The focused element's id, or its tag when it has none.
    const focused = () =>
      desk.evaluate(() => document.activeElement?.getAttribute('id') ?? document.activeElement?.tagName);
    await desk.goto(`${server.url}/agent/`);
    await desk.getByRole('heading', { name: 'Sign in to the agent desk' }).waitFor();
    await expect.poll(focused).toBe('sign-in-email');
    // Keyboard only, from where the page put the focus.
    await desk.keyboard.type(kim.email);
    await desk.keyboard.press('Tab');
    await desk.keyboard.type(kim.password);
    await desk.keyboard.press('Enter');
    await desk.getByRole('heading', { name: /My chats/ }).waitFor();
    await expect.poll(focused).toBe('inbox-heading');

    // One Tab stop for the whole switch (the checked status); the arrows move and set the status.
    const statuses = desk.getByRole('radiogroup', { name: 'Your status' }).getByRole('radio');
    const status = async () => (await server.app.services.agents.getView(kim.agent.id))?.status;
    await expect
      .poll(() => statuses.evaluateAll((radios) => radios.map((radio) => radio.tabIndex)))
      .toEqual([-1, -1, 0]);
    await desk.getByRole('radio', { name: 'Offline' }).focus();
    await desk.keyboard.press('ArrowRight');
    await expect.poll(focused).toBe('BUTTON');
    await expect.poll(() => desk.getByRole('radio', { name: 'Online' }).getAttribute('aria-checked')).toBe('true');
    await expect.poll(status).toBe('online');
    await desk.keyboard.press('ArrowRight');
    await expect.poll(() => desk.getByRole('radio', { name: 'Away' }).getAttribute('aria-checked')).toBe('true');
    await expect.poll(status).toBe('away');
    expect(await desk.evaluate(() => document.activeElement?.textContent)).toBe('Away');
    await expect
      .poll(() => statuses.evaluateAll((radios) => radios.map((radio) => radio.tabIndex)))
      .toEqual([-1, 0, -1]);
    await desk.keyboard.press('End');
    await expect.poll(status).toBe('offline');

    // A reload, signed in: the desk starts at the chats again.
    await desk.reload();
    await desk.getByRole('heading', { name: /My chats/ }).waitFor();
    await expect.poll(focused).toBe('inbox-heading');
    await context.close();
  });
});
