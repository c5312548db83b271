/// <reference lib="dom" />
import type { MessageView } from '@switchboard/shared';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAgentDesk } from '../support/agent-desk.js';
import { expectAccessible } from '../support/axe.js';
import { createDepartment, openDesk, setStatus } from '../routing/routing-support.js';
import { givePhoto, openWidget, resizeViewport, shot, startHarness, type Harness } from './widget-harness.js';

const XSS = '<img src=x onerror=alert(1)>';

// Once more on failure: in CI under full load this file has failed with a click on the frame
// doing nothing. Reproduced under load: the click went to the host page, the frame heard
// nothing (right after a resize). Clicks now wait until the frame hears the pointer
// (tests/support/frame-input.ts); drop the retry once CI has shown that was the cause. A real fault
// fails both times.
describe('the widget app: form, queue, chat, reload, offline, end (Chromium)', { retry: 1 }, () => {
  let harness: Harness;
  let desk: TestAgentDesk;
  let page: Page;
  let frame: Frame;
  let conversationId = '';
  const phone = async (name: string) => {
    await resizeViewport(page, frame, { width: 375, height: 740 });
    await shot(page, `phone-${name}`);
    await resizeViewport(page, frame, { width: 1280, height: 800 });
  };
  const messagesIn = (body: string) =>
    harness.server.app.mongo.collection('messages').countDocuments({ body, conversationId: { $exists: true } });
  const received = (body: string) => desk.received.filter((message: MessageView) => message.body === body).length;

  beforeAll(async () => {
    harness = await startHarness(import.meta.filename);
    const department = await createDepartment(harness.server, {
      name: 'Orders',
      topics: [{ key: 'delivery', labels: { en: 'Delivery and orders', fr: 'Livraison et commandes' } }],
      languages: ['en', 'fr', 'ru', 'zh-Hans', 'zh-Hant'],
    });
    // Offline at first, so the customer waits in the queue before Lei picks the chat up.
    desk = await openDesk(
      harness.server,
      { displayName: 'Lei', departmentIds: [department.id], languages: ['en'] },
      'offline',
    );
    await givePhoto(harness.server, desk.principal.id);
    page = await harness.browser.context.newPage();
  });
  afterAll(async () => {
    desk.disconnect();
    await harness.close();
  });

  it('opens on a hostile page with the first field focused, and validates the form', async () => {
    frame = await openWidget(page, harness);
    await expect.poll(() => frame.evaluate(() => document.activeElement?.id)).toBe('sb-name');
    await shot(page, 'desktop-form');
    await expectAccessible(frame, 'the pre-chat form with topics');
    await phone('form');
    await frame.getByRole('button', { name: 'Start chat' }).click();
    await expect.poll(() => frame.getByText('Please enter your name.').isVisible()).toBe(true);
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('sb-name');
    await frame.getByLabel('Email').fill('marie@');
    await frame.getByRole('button', { name: 'Start chat' }).click();
    await expect.poll(() => frame.getByText("That email address doesn't look quite right.").isVisible()).toBe(true);
    await shot(page, 'desktop-form-errors');
    await expectAccessible(frame, 'the pre-chat form with errors');
  });

  it('starts the chat and shows the queue: nobody online, keep the chat open or leave a message', async () => {
    await frame.getByLabel('Your name').fill('Marie');
    await frame.getByLabel('Email').fill('marie@example.com');
    await frame.getByLabel('Topic').selectOption('delivery');
    await frame.getByRole('button', { name: 'Start chat' }).click();
    await expect.poll(() => frame.getByText("You're in the queue").isVisible()).toBe(true);
    // Lei is offline: the queue says nobody is online, promises no advisor "in a moment", and
    // gives both ways on: keep the chat open, or leave a message.
    await expect.poll(() => frame.getByText('Nobody from our team is online right now.').isVisible()).toBe(true);
    expect(await frame.getByText(/You're next/).count()).toBe(0);
    expect(
      await frame
        .getByText("You can keep this chat open and we'll answer here as soon as we can, or leave a message")
        .isVisible(),
    ).toBe(true);
    const stored = await harness.server.app.mongo.collection('conversations').findOne({ status: 'queued' });
    conversationId = stored!._id.toHexString();
    await shot(page, 'desktop-queue');
    await expectAccessible(frame, 'the queue');
    await phone('queue');
  });

  it('an advisor accepts: name, photo, greeting, links clickable, HTML shown as text', async () => {
    await setStatus(desk, 'online');
    await expect.poll(() => frame.locator('.sb-header .sb-title').textContent(), { timeout: 15_000 }).toBe('Lei');
    expect(await frame.locator('.sb-header img.sb-avatar').count()).toBe(1);
    desk.log(conversationId);
    await desk.send(
      conversationId,
      "Hi Marie, I'm Lei — let's get your delivery sorted. Track it at https://track.example.com/p?id=7.",
    );
    await desk.send(conversationId, XSS);
    const link = frame.getByRole('link', { name: 'https://track.example.com/p?id=7' });
    await expect.poll(() => link.isVisible()).toBe(true);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await expect.poll(() => frame.locator('.sb-bubble', { hasText: XSS }).isVisible()).toBe(true);
    expect(await frame.locator('.sb-messages img[src="x"]').count()).toBe(0);
    // The screen reader hears the new message.
    await expect.poll(() => frame.locator('[aria-live="polite"][role="status"]').last().textContent()).toContain('Lei');
  });

  it('shows typing both ways and the read state', async () => {
    const composer = frame.getByLabel('Message');
    await composer.pressSequentially('Thanks');
    await expect
      .poll(() =>
        desk.events.some((e) => e.event === 'typing.updated' && (e.payload as { side: string }).side === 'customer'),
      )
      .toBe(true);
    await desk.request('typing.set', { conversationId, typing: true });
    await expect.poll(() => frame.getByText('Lei is typing…').isVisible()).toBe(true);
    await shot(page, 'desktop-chat-typing');
    await composer.pressSequentially(', Lei!');
    await composer.press('Enter');
    await expect.poll(() => received('Thanks, Lei!')).toBe(1);
    const seq = desk.received.find((message) => message.body === 'Thanks, Lei!')!.seq;
    await desk.request('receipt.update', { conversationId, deliveredSeq: seq, readSeq: seq });
    await expect.poll(() => frame.locator('.sb-mine .sb-meta').last().textContent()).toContain('Read');
    await shot(page, 'desktop-chat');
    await expectAccessible(frame, 'the chat with an advisor');
    await phone('chat');
  });

  it('keeps the chat across a reload', async () => {
    await page.reload();
    frame = await openWidget(page, harness);
    await expect.poll(() => frame.getByText('Thanks, Lei!').isVisible()).toBe(true);
    expect(await frame.locator('.sb-header .sb-title').textContent()).toBe('Lei');
    expect(await harness.server.app.mongo.collection('conversations').countDocuments({})).toBe(1);
  });

  it('delivers messages typed while offline exactly once', { timeout: 60_000 }, async () => {
    const composer = frame.getByLabel('Message');
    await harness.browser.context.setOffline(true);
    for (const body of ['Typed offline, one', 'Typed offline, two']) {
      await composer.fill(body);
      await composer.press('Enter');
    }
    await page.waitForTimeout(1_500);
    await shot(page, 'desktop-offline');
    // Messages waiting to be sent stay readable too.
    await expectAccessible(frame, 'the chat with messages waiting for the connection');
    await harness.browser.context.setOffline(false);
    await expect.poll(() => received('Typed offline, two'), { timeout: 20_000 }).toBe(1);
    await page.waitForTimeout(1_000);
    for (const body of ['Typed offline, one', 'Typed offline, two']) {
      expect(received(body)).toBe(1);
      expect(await messagesIn(body)).toBe(1);
      await expect.poll(() => frame.locator('.sb-bubble', { hasText: body }).count()).toBe(1);
    }
  });

  it('asks before sending a card number; Escape closes only the question', async () => {
    const composer = frame.getByLabel('Message');
    await composer.fill('my card is 4242 4242 4242 4242');
    await composer.press('Enter');
    const dialog = frame.getByRole('alertdialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('never ask for your password');
    await shot(page, 'desktop-secret');
    await expectAccessible(frame, 'the question before sending a card number');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await frame.locator('[data-testid="open"]').textContent()).toBe('open');
    expect(await composer.inputValue()).toBe('my card is 4242 4242 4242 4242');
    await composer.press('Enter');
    await frame.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => desk.received.some((message) => message.masked)).toBe(true);
  });

  it('ends with a rating and a transcript request, then offers a new chat', async () => {
    const closed = await desk.request('conversation.close', { conversationId, disposition: 'resolved' });
    expect(closed.ok).toBe(true);
    await expect.poll(() => frame.getByText('Chat ended').isVisible()).toBe(true);
    await shot(page, 'desktop-end');
    await expectAccessible(frame, 'the end screen with rating and transcript');
    await phone('end');
    // Right after the phone-size screenshot's resize: one click must do (the panel no longer animates its size).
    const fiveStars = frame.getByRole('radio', { name: '5 stars' });
    await fiveStars.click();
    expect(await fiveStars.isChecked()).toBe(true);
    await frame.getByLabel("Anything you'd like to add? (optional)").fill('Quick and kind.');
    await frame.getByRole('button', { name: 'Send feedback' }).click();
    await expect.poll(() => frame.getByText('Thank you for your feedback!').isVisible()).toBe(true);
    const stored = await harness.server.app.mongo
      .collection('conversations')
      .findOne({ caseNumber: { $exists: true } });
    expect(stored?.satisfaction).toMatchObject({ rating: 5, comment: 'Quick and kind.' });
    await frame.getByRole('button', { name: 'Send transcript' }).click();
    await expect.poll(() => frame.getByText("It's on its way to marie@example.com.").isVisible()).toBe(true);
    await shot(page, 'desktop-end-done');
    await expectAccessible(frame, 'the end screen, rated, transcript sent');
    // The new form moves focus to its first field in the next animation frame. A customer who
    // reaches the email field before that frame (a busy phone) keeps it, and types there.
    const focused = await frame.evaluate(async () => {
      const newChat = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Start a new chat');
      newChat?.click();
      await Promise.resolve(); // React renders the click's update in a microtask
      await Promise.resolve();
      const email = document.querySelector<HTMLElement>('#sb-email');
      email?.focus();
      // The step's effect runs in a later task and asks for the frame after it: give both time.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return `${email ? 'form drawn' : 'no form yet'}, focus on #${document.activeElement?.id ?? ''}`;
    });
    expect(focused).toBe('form drawn, focus on #sb-email');
    await expect.poll(() => frame.getByRole('button', { name: 'Start chat' }).isVisible()).toBe(true);
  });
});
