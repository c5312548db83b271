/// <reference lib="dom" />
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

type Probed = Window & { switchboardTestPointer?: { heard: boolean } };

/**
 * Waits until the browser delivers pointer input over a cross-origin frame
 * (the widget's) to that frame, and until the panel holding it has stopped
 * moving; resolves with the pointer moves it took.
 *
 * The frame runs in a process of its own. Chromium's browser process decides
 * which process a click belongs to from the pictures the processes last
 * drew. Right after the frame was resized or opened, the frame's page may
 * already know its new size, or show its form, while the browser still
 * routes a point over the frame to the host page; a click there does nothing
 * and Playwright reports it done. Under load that lasted long enough to
 * swallow a test's first click (seen: "Start chat" clicked right after a
 * phone-size screenshot's resize reached the host page, not the frame).
 * A pointer move the frame itself hears proves the route is there.
 */
/**
 * How long the route may lag: a readiness wait, not a timing check. Under a loaded CI run one
 * move and its check took long enough that the polls' default second ran out (locale screens).
 */
const ROUTE_WAIT = { timeout: 20_000, interval: 100 };

export async function untilFrameTakesInput(page: Page, frame: Frame): Promise<number> {
  const frameElement = await frame.frameElement();
  // The panel slides in (a transform): Playwright cannot check its clicks' targets while it moves.
  await expect
    .poll(() => frameElement.evaluate((element) => getComputedStyle(element.parentElement!).transform), ROUTE_WAIT)
    .toBe('none');
  const box = await frameElement.boundingBox();
  if (!box) throw new Error('the frame is not laid out');
  await frame.evaluate(() => {
    const probed = window as Probed;
    if (!probed.switchboardTestPointer) {
      const state = { heard: false };
      probed.switchboardTestPointer = state;
      addEventListener('pointermove', () => void (state.heard = true), { capture: true, passive: true });
    }
    probed.switchboardTestPointer.heard = false;
  });
  let moves = 0;
  const over = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  try {
    await expect
      .poll(async () => {
        moves += 1;
        // One pixel apart each time, so every move is a move.
        await page.mouse.move(over.x + (moves % 2), over.y);
        return frame.evaluate(() => (window as Probed).switchboardTestPointer?.heard ?? false);
      }, ROUTE_WAIT)
      .toBe(true);
  } catch (error) {
    // Say what the host page has at that point: the frame, or something drawn over it.
    const hit = await page.evaluate(({ x, y }) => {
      const element = document.elementFromPoint(x, y);
      return element ? `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}` : 'nothing';
    }, over);
    throw new Error(`the frame heard no pointer move in ${moves} moves; the host page has ${hit} at that point`, {
      cause: error,
    });
  }
  // Off the frame again, so no hover styles show in the screenshots that follow.
  await page.mouse.move(0, 0);
  if (process.env.WIDGET_DEBUG && moves > 1) {
    // eslint-disable-next-line no-console -- how often the route lagged, when debugging the widget tests
    console.error(`[browser] the frame heard the pointer after ${moves} moves`);
  }
  return moves;
}
