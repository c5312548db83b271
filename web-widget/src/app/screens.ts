import type * as ScreensModule from '../screens';

/** The lazy chunk with everything after the pre-chat form; one import shared by its screens. */

type Screens = typeof ScreensModule;
let screens: Promise<Screens> | undefined;

export function loadScreens(): Promise<Screens> {
  screens ??= import('../screens');
  return screens;
}
