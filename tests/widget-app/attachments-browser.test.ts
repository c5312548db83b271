/// <reference lib="dom" />
import type { Frame, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renamedExecutable } from '../attachments/upload-helpers.js';
import { createDepartment } from '../routing/routing-support.js';
import { openAsNewVisitor, resizeViewport, shot, startHarness, type Harness } from './widget-harness.js';

const PHONE = { width: 390, height: 780 };
const DESKTOP = { width: 1280, height: 800 };

/** A screenshot-like PNG (what people paste). */
const screenshotPng = () =>
  sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .png()
    .toBuffer();

/**
 * Hands a file to the page the way the browser does for a paste or a drop:
 * a DataTransfer holding a File, on a ClipboardEvent or DragEvent.
 */
async function dispatchFile(
  frame: Frame,
  how: 'paste' | 'drop',
  file: { name: string; type: string; bytes: Buffer },
): Promise<void> {
  await frame.evaluate(
    ({ how, name, type, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      if (how === 'paste') {
        const box = document.querySelector('#sb-composer')!;
        box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
        return;
      }
      const area = document.querySelector('.sb-conversation')!;
      area.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      area.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { how, name: file.name, type: file.type, base64: file.bytes.toString('base64') },
  );
}

describe('the widget sends photos and files (Chromium)', () => {
  let harness: Harness;
  let page: Page;
  const storedFiles = () => harness.server.app.mongo.collection('attachments').countDocuments({ status: 'ready' });
  /** The bytes each file of the newest chat holds of the chat's room (the server's count, in Redis). */
  const reservedBytes = async () => {
    const [newest] = await harness.server.app.mongo
      .collection('conversations')
      .find()
      .sort({ _id: -1 })
      .limit(1)
      .toArray();
    const key = `${harness.server.namespace}:attachments:bytes:${String(newest?._id)}`;
    return (await harness.server.app.redis.command.hvals(key)).map((value) => Number(value.split(':')[0]));
  };

  async function startChat(locale: string, name: string, topic = 'delivery'): Promise<Frame> {
    const frame = await openAsNewVisitor(page, harness, `Switchboard('setLocale', '${locale}')`);
    await frame.locator('#sb-name').fill(name);
    await frame.locator('#sb-email').fill('files@example.com');
    await frame.locator('#sb-topic').selectOption(topic);
    await frame.locator('form button[type="submit"]').click();
    await expect.poll(() => frame.locator('#sb-composer').isVisible(), { timeout: 15_000 }).toBe(true);
    return frame;
  }

  beforeAll(async () => {
    harness = await startHarness(import.meta.filename);
    await createDepartment(harness.server, {
      name: 'Orders',
      topics: [
        { key: 'delivery', labels: { en: 'Delivery and orders', fr: 'Livraison et commandes', ru: 'Доставка' } },
      ],
      languages: ['en', 'fr', 'ru', 'zh-Hans', 'zh-Hant'],
    });
    // A department whose customers may not send files (agents still may).
    const billing = await createDepartment(harness.server, {
      name: 'Billing',
      topics: [{ key: 'billing', labels: { en: 'Billing', fr: 'Facturation', ru: 'Счета' } }],
      languages: ['en', 'fr', 'ru', 'zh-Hans', 'zh-Hant'],
    });
    const rules = harness.server.app.services.attachmentSettings;
    await rules.save({ ...(await rules.read()), customerUploadsOffIn: [billing.id] });
    page = await harness.browser.context.newPage();
  });
  afterAll(() => harness.close());

  it('pastes a screenshot: preview, send, inline thumbnail that opens full size', { timeout: 60_000 }, async () => {
    const frame = await startChat('en', 'Marie');
    await dispatchFile(frame, 'paste', { name: 'image.png', type: 'image/png', bytes: await screenshotPng() });
    await expect.poll(() => frame.getByText('Ready to send').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await frame.locator('.sb-staged-preview').count()).toBe(1);
    await shot(page, 'files-desktop-staged');
    await resizeViewport(page, frame, PHONE);
    await shot(page, 'files-phone-staged');
    await resizeViewport(page, frame, DESKTOP);

    await frame.getByLabel('Message').fill('The error on my screen');
    await frame.locator('.sb-send').click();
    const thumbnail = frame.locator('.sb-messages img.sb-thumbnail');
    await expect.poll(() => thumbnail.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    expect(await frame.getByText('The error on my screen').isVisible()).toBe(true);
    await shot(page, 'files-desktop-thumbnail');
    await resizeViewport(page, frame, PHONE);
    await shot(page, 'files-phone-thumbnail');
    await resizeViewport(page, frame, DESKTOP);

    const [full] = await Promise.all([page.waitForEvent('popup'), frame.locator('.sb-image-link').click()]);
    await full.waitForLoadState();
    expect(full.url()).toMatch(/\/api\/files\/[0-9a-f]{24}\/original\?e=\d+&s=/);
    expect(await full.evaluate(() => document.querySelector<HTMLImageElement>('img')?.naturalWidth)).toBe(640);
    await full.close();
  });

  it('drops a PDF: sent as a chip with its name and size', { timeout: 60_000 }, async () => {
    const frame = await startChat('en', 'Paul');
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await dispatchFile(frame, 'drop', { name: 'invoice-2291.pdf', type: 'application/pdf', bytes: pdf });
    await expect.poll(() => frame.getByText('Ready to send').isVisible(), { timeout: 15_000 }).toBe(true);
    await frame.locator('.sb-send').click();
    const chip = frame.locator('.sb-messages a.sb-file');
    await expect.poll(() => chip.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await chip.textContent()).toContain('invoice-2291.pdf');
    expect(await chip.getAttribute('href')).toMatch(/\/api\/files\/[0-9a-f]{24}\/original\?/);
    await resizeViewport(page, frame, PHONE);
    await shot(page, 'files-phone-chip');
    await resizeViewport(page, frame, DESKTOP);
  });

  it('shows progress, cancels, and retries a failed upload without a second copy', { timeout: 60_000 }, async () => {
    const frame = await startChat('en', 'Ana');
    const photo = await screenshotPng();
    // Hold the upload: the progress bar shows, and cancel stops it.
    let release: () => void = () => undefined;
    await harness.browser.context.route('**/api/uploads/**', async (route) => {
      await new Promise<void>((resolve) => (release = resolve));
      await route.continue().catch(() => undefined);
    });
    await frame
      .locator('input[type="file"]')
      .setInputFiles({ name: 'first.png', mimeType: 'image/png', buffer: photo });
    await expect.poll(() => frame.locator('progress.sb-progress').isVisible()).toBe(true);
    await shot(page, 'files-desktop-progress');
    await frame.getByRole('button', { name: 'Cancel upload' }).click();
    expect(await frame.locator('.sb-staged').count()).toBe(0);
    // The server was told: the bytes reserved for the file count for nothing now, not once its link expires.
    await expect.poll(() => reservedBytes()).toEqual([0]);
    release();
    await harness.browser.context.unrouteAll({ behavior: 'ignoreErrors' });

    // The network fails once: "Try again" uploads it again under the same id.
    const before = await storedFiles();
    let failures = 1;
    await harness.browser.context.route('**/api/uploads/**', async (route) => {
      if (failures-- > 0) await route.abort('connectionreset');
      else await route.continue();
    });
    await frame
      .locator('input[type="file"]')
      .setInputFiles({ name: 'second.png', mimeType: 'image/png', buffer: photo });
    await expect.poll(() => frame.locator('.sb-staged-error').isVisible(), { timeout: 15_000 }).toBe(true);
    await shot(page, 'files-desktop-failed');
    await frame.locator('.sb-staged-error').getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => frame.getByText('Ready to send').isVisible(), { timeout: 15_000 }).toBe(true);
    await harness.browser.context.unrouteAll({ behavior: 'ignoreErrors' });
    expect(await storedFiles()).toBe(before + 1);
  });

  // The size is written by Intl in the customer's language (its spaces vary by version: \s).
  for (const { locale, name, says } of [
    {
      locale: 'fr',
      name: 'Élodie',
      says: /^Nous ne pouvons pas accepter ce type de fichier\. Fichiers jusqu’à 10\sMo\s: JPEG, PNG, WebP, GIF, PDF\.$/,
    },
    {
      locale: 'ru',
      name: 'Алексей',
      says: /^Файлы такого типа мы не принимаем\. Можно отправлять файлы до 10\sМБ: JPEG, PNG, WebP, GIF, PDF\.$/,
    },
  ]) {
    it(
      `${locale}: a renamed executable is refused, and the customer is told why in their language`,
      { timeout: 60_000 },
      async () => {
        const frame = await startChat(locale, name);
        await frame
          .locator('input[type="file"]')
          .setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: renamedExecutable() });
        const error = frame.locator('.sb-staged-error');
        await expect.poll(() => error.isVisible(), { timeout: 15_000 }).toBe(true);
        expect(await error.textContent()).toMatch(says);
        // Named .jpg but not an image: the file icon, not a broken picture.
        await expect.poll(() => frame.locator('.sb-staged-preview').count()).toBe(0);
        for (const [size, label] of [
          [DESKTOP, 'desktop'],
          [PHONE, 'phone'],
        ] as const) {
          await resizeViewport(page, frame, size);
          await shot(page, `files-${label}-refused-${locale}`);
        }
        await resizeViewport(page, frame, DESKTOP);
      },
    );
  }

  for (const { locale, name, says } of [
    { locale: 'en', name: 'Grace', says: "Files can't be sent in this chat. Please describe it in a message." },
    {
      locale: 'fr',
      name: 'Hélène',
      says: 'Les fichiers ne peuvent pas être envoyés dans cette conversation. Décrivez-le dans un message.',
    },
  ]) {
    it(
      `${locale}: where the department takes no customer files, nothing offers one and a pasted or dropped file says why`,
      { timeout: 60_000 },
      async () => {
        const frame = await startChat(locale, name, 'billing');
        // The rules arrive after the chat shows: wait for the button to go rather than look once.
        await expect.poll(() => frame.locator('.sb-attach').count(), { timeout: 15_000 }).toBe(0);
        expect(await frame.locator('input[type="file"]').count()).toBe(0);
        const uploads: string[] = [];
        const onRequest = (request: { url(): string }) => {
          if (request.url().includes('/api/uploads/')) uploads.push(request.url());
        };
        page.on('request', onRequest);

        await dispatchFile(frame, 'paste', { name: 'screen.png', type: 'image/png', bytes: await screenshotPng() });
        const error = frame.locator('.sb-staged-error');
        await expect.poll(() => error.isVisible(), { timeout: 15_000 }).toBe(true);
        expect(await error.textContent()).toBe(says);
        for (const [size, label] of [
          [DESKTOP, 'desktop'],
          [PHONE, 'phone'],
        ] as const) {
          await resizeViewport(page, frame, size);
          await shot(page, `files-${label}-off-${locale}`);
        }
        await resizeViewport(page, frame, DESKTOP);
        await frame.locator('.sb-staged-remove').click();
        expect(await frame.locator('.sb-staged').count()).toBe(0);

        // Dropped: caught (the browser does not open it in place of the chat), the same refusal.
        await dispatchFile(frame, 'drop', {
          name: 'bill.pdf',
          type: 'application/pdf',
          bytes: Buffer.from('%PDF-1.4\n'),
        });
        await expect.poll(() => error.textContent(), { timeout: 15_000 }).toBe(says);
        expect(await frame.locator('.sb-staged-name').textContent()).toContain('bill.pdf');
        // Not a byte was sent.
        page.off('request', onRequest);
        expect(uploads).toEqual([]);
      },
    );
  }
});
