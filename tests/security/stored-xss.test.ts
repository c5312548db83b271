/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAgentAppBuilt, launchChromium, signInToDesk } from '../agent-app/browser.js';
import { createAgent, type TestAgent } from '../support/agent-client.js';
import { TestCustomer } from '../support/customer-client.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Each payload, if it ever ran, sets a flag the test reads from the page. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '<svg onload="window.__xss=3"></svg>',
  'javascript:window.__xss=4',
  '[click me](javascript:window.__xss=5)',
  '<a href="javascript:window.__xss=6">click me</a>',
];
const HOSTILE_NAME = '<img src=x onerror="window.__xss=7">Eve';

/**
 * Stored XSS: what a customer types (messages and their name) is shown as
 * text in the agent app and escaped in the transcript email. The widget side
 * (an agent's `<img onerror>` shown as text, links made clickable safely) is
 * tests/widget-app/chat-flow.test.ts "an advisor accepts: … HTML shown as text";
 * `<script>` escaped in email is tests/jobs/transcripts.test.ts.
 */
describe('stored XSS strings stay text', () => {
  let server: TestServer;
  let smtp: SmtpListener;
  let browser: Browser;
  let page: Page;
  let agent: TestAgent;
  let customer: TestCustomer;
  let conversationId = '';

  beforeAll(async () => {
    assertAgentAppBuilt();
    smtp = await SmtpListener.start();
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { SMTP_URL: smtp.url, TRANSCRIPT_BACKOFF: '100ms', PUBLIC_URL: 'https://support.example' },
    });
    agent = await createAgent(server, { displayName: 'Lei' });
    customer = new TestCustomer(server.url);
    await customer.connect();
    const { conversation } = await customer.start({
      topic: 'iphone-battery',
      language: 'en',
      name: HOSTILE_NAME,
      email: 'eve@example.com',
    });
    conversationId = conversation.id;
    await server.app.services.conversations.assign(conversationId, {
      id: agent.agent.id,
      role: agent.agent.role,
      displayName: agent.agent.displayName,
      departmentIds: agent.agent.departmentIds,
      languages: agent.agent.languages,
      capacity: agent.agent.capacity,
    });
    for (const body of PAYLOADS) expect(await customer.send(conversationId, body)).toMatchObject({ ok: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);

  afterAll(async () => {
    customer.disconnect();
    await browser.close();
    await server.stop();
    await smtp.close();
  });

  it('the agent app shows the hostile name and messages as text, runs none of them, links no javascript:', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInToDesk(page, server.url, agent);
    await page.locator('.inbox-item', { hasText: 'Eve' }).first().click();
    for (const body of PAYLOADS) {
      await expect.poll(() => page.locator('.message', { hasText: body }).count()).toBeGreaterThan(0);
    }
    expect(await page.getByText(HOSTILE_NAME).count()).toBeGreaterThan(0);
    // Give any injected handler the chance to run: images load, event loop turns.
    await page.waitForLoadState('networkidle');
    const state = await page.evaluate(() => ({
      flag: (window as unknown as { __xss?: number }).__xss,
      injected: document.querySelectorAll('img[src="x"], script:not([src]):not([type="module"]), svg[onload]').length,
      javascriptLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
        a.getAttribute('href')!.trim().toLowerCase().startsWith('javascript:'),
      ).length,
    }));
    expect(state).toEqual({ flag: undefined, injected: 0, javascriptLinks: 0 });
    expect(dialogs).toEqual([]);
  });

  it('the transcript email escapes every payload and the name in HTML, and links no javascript:', async () => {
    const closed = await customer.request('conversation.close', { conversationId });
    expect(closed).toMatchObject({ ok: true });
    await smtp.waitFor(() => smtp.to('eve@example.com').length === 1);
    const [mail] = smtp.to('eve@example.com');
    const html = typeof mail!.parsed.html === 'string' ? mail!.parsed.html : '';
    expect(html.length).toBeGreaterThan(0);
    for (const raw of ['<img src=x', '<script>', '<svg', '<a href="javascript:', 'onerror="window', 'onload="window']) {
      expect(html).not.toContain(raw);
    }
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;');
    expect(html).toContain('&lt;script&gt;window.__xss=2&lt;/script&gt;');
    // Plain text needs no escaping and keeps what was written.
    expect(mail!.parsed.text ?? '').toContain('<script>window.__xss=2</script>');
  });
});
