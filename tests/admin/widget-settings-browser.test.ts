import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PublicWidgetSettings } from '@switchboard/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAgentAppBuilt, launchChromium, screenshotDir, signInToDesk } from '../agent-app/browser.js';
import { createAgent, type TestAgent } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectAccessible } from '../support/axe.js';

describe('widget settings in the console', () => {
  let server: TestServer;
  let browser: Browser;
  const shots = screenshotDir();

  beforeAll(async () => {
    assertAgentAppBuilt();
    mkdirSync(shots, { recursive: true });
    // A deployment default, so the form has one to show while the origins are left empty.
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { WIDGET_ALLOWED_ORIGINS: 'https://shop.example' },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  async function openWidgetTab(who: TestAgent): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInToDesk(page, server.url, who);
    await page.getByRole('button', { name: 'Supervisor console' }).click();
    await page.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: 'Widget' }).click();
    await page.getByLabel('Region').waitFor();
    return page;
  }

  async function publicSettings(): Promise<PublicWidgetSettings> {
    const response = await fetch(`${server.url}/api/public/widget-settings`);
    return ((await response.json()) as { settings: PublicWidgetSettings }).settings;
  }

  it('an admin makes region required and greets in English; a bad origin changes nothing', async () => {
    const admin = await createAgent(server, { displayName: 'Ada Admin', role: 'admin' });
    const page = await openWidgetTab(admin);
    await page.getByText('Nobody has changed these yet').waitFor();
    await page.getByText('Empty: the deployment default applies (https://shop.example).').waitFor();
    await page.screenshot({ path: path.join(shots, 'console-admin-widget.png'), fullPage: true });
    await expectAccessible(page, 'the widget settings');

    await page.getByLabel('Region').selectOption('required');
    await page.getByLabel('English').fill('Welcome to Shop support!');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.getByText(/^Last changed .+ by Ada Admin\.$/).waitFor();
    const saved = await publicSettings();
    expect(saved.fields.region).toBe('required');
    expect(saved.greeting).toEqual({ en: 'Welcome to Shop support!' });
    // The rest is what it was: the form sends the whole document back.
    expect(saved.fields).toMatchObject({ name: 'required', email: 'required', topic: 'required' });
    expect(saved.colors.brand).toBeNull();
    expect(saved.transcriptOffer).toBe(true);
    const before = await server.app.services.widgetSettings.view();

    // The server refuses a URL with a path; its message shows against that origin, and nothing is stored.
    await page.getByLabel(/^Sites that may embed it/).fill('https://ok.example\nshop.example/path');
    await page.getByLabel('Region').selectOption('hidden');
    await page.getByRole('button', { name: 'Save' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Please check these fields:').waitFor();
    await alert.getByText('shop.example/path', { exact: true }).waitFor();
    await alert.getByText(/must be an origin such as https:\/\/shop\.example/).waitFor();
    await page.screenshot({ path: path.join(shots, 'console-admin-widget-error.png'), fullPage: true });
    expect(await server.app.services.widgetSettings.view()).toEqual(before);
    expect((await publicSettings()).fields.region).toBe('required');

    // Discarding brings the form back to what is stored.
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await page.getByLabel('Region').inputValue()).toBe('required');
    expect(await page.getByLabel(/^Sites that may embed it/).inputValue()).toBe('');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('shows supervisors the settings read-only, without Save', async () => {
    const supervisor = await createAgent(server, { displayName: 'Sam', role: 'supervisor' });
    const page = await openWidgetTab(supervisor);
    await page.getByText('Only admins can change these; you can look.').waitFor();
    expect(await page.getByLabel('Region').isDisabled()).toBe(true);
    expect(await page.getByLabel('English').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /Save|Discard/ }).count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'console-admin-widget-supervisor.png') });
    await page.close();
  }, 60_000);
});
