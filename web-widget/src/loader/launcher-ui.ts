import type { Locale } from '@switchboard/shared';
import { LABELS, type LoaderSettings } from './settings';

// Inside a closed shadow root the host page's selectors cannot reach these
// elements; `:host` rules marked !important beat the page's own !important
// rules on our host element (shadow context wins for important declarations).
// Kept compact by hand: it ships in the 3 KB loader as written. The icon
// colour is black or white, whichever contrasts more with the brand colour
// (LCH lightness 49.4 is WCAG's crossover; older browsers keep white).
// The panel fades and slides only: animating its size too (a bare `transition`)
// made the frame's contents move for 0.2 s after every viewport change, and
// clicks in that window landed beside their target (e.g. the rating stars).
const CSS = `
:host{all:initial!important}
.l,.p{position:fixed;z-index:2147483647;bottom:20px;right:20px;box-sizing:border-box}
.L{right:auto;left:20px}
.l{width:56px;height:56px;border:0;border-radius:50%;padding:0;background:var(--c);color:#fff;color:lch(from var(--c) calc((49.4 - l) * infinity) 0 0);box-shadow:0 4px 16px #0005;cursor:pointer;display:grid;place-items:center}
.l:focus-visible{outline:3px solid var(--c);outline-offset:3px;box-shadow:0 0 0 3px #fff}
svg{width:28px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round}
[aria-expanded=true] .i,[aria-expanded=false] .x{display:none}
b{position:absolute;top:-4px;right:-4px;padding:0 6px;border-radius:9px;background:#d70015;font:700 12px/18px system-ui}
b:empty{display:none}
.p{bottom:88px;width:min(380px,100vw - 40px);height:min(640px,100vh - 108px);border-radius:16px;overflow:hidden;background:#fff;box-shadow:0 12px 48px #0005;opacity:0;visibility:hidden;transform:translateY(16px);transition:.2s;transition-property:opacity,transform,visibility}
.o{opacity:1;visibility:visible;transform:none}
iframe{display:block;width:100%;height:100%;border:0}
@media (max-width:480px){.p{inset:0;width:auto;height:auto;border-radius:0}.o+.l{display:none}}
@media (prefers-reduced-motion:reduce){.p{transition:none}}
`;

// The button's aria-label names it; the icons are decoration.
const ICONS =
  '<svg class="i" viewBox="0 0 24 24"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z"/></svg>' +
  '<svg class="x" viewBox="0 0 24 24"><path d="M6 6l12 12M18 6 6 18"/></svg>';

export interface LauncherUi {
  /** Puts the frame in the panel (first open only). */
  mount(frame: HTMLIFrameElement): void;
  show(open: boolean): void;
  setUnread(count: number): void;
  setLocale(locale: Locale): void;
  /** True when keyboard focus is on the launcher or inside the frame. */
  hasFocus(): boolean;
  focusLauncher(): void;
}

export function createLauncherUi(
  settings: LoaderSettings,
  actions: { toggle: () => void; escape: () => void; warm: () => void },
): LauncherUi {
  const host = document.createElement('switchboard-widget');
  const root = host.attachShadow({ mode: 'closed' });
  root.innerHTML = `<style>${CSS}</style><div class="p" inert></div><button class="l" type="button" aria-expanded="false">${ICONS}<b aria-hidden="true"></b></button>`;
  const panel = root.querySelector('div') as HTMLElement;
  const button = root.querySelector('button') as HTMLElement;
  const badge = root.querySelector('b') as Element;
  if (settings.position === 'left') for (const element of [panel, button]) element.classList.add('L');
  button.style.setProperty('--c', settings.color ?? '#0071e3');
  let locale = settings.locale;
  let open = false;
  let unread = 0;

  const label = () => {
    const frame = panel.querySelector('iframe');
    if (frame) frame.title = LABELS[locale];
    button.setAttribute('aria-label', unread && !open ? `${LABELS[locale]} (${unread})` : LABELS[locale]);
  };
  button.onclick = actions.toggle;
  // Warm the connection while the pointer or focus approaches, not on page load.
  button.onpointerenter = button.onfocus = actions.warm;
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') actions.escape();
  });
  label();
  const attach = () => document.body.appendChild(host);
  // An async script may run while the parser is still in <head>.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', attach);
  else attach();

  return {
    mount(frame) {
      panel.appendChild(frame);
      label();
    },
    show(next) {
      open = next;
      panel.classList.toggle('o', open);
      // Out of the tab order at once: visibility only turns hidden after the fade-out.
      panel.inert = !open;
      button.setAttribute('aria-expanded', String(open));
      label();
    },
    setUnread(count) {
      unread = count;
      badge.textContent = count ? (count > 99 ? '99+' : String(count)) : '';
      label();
    },
    setLocale(next) {
      locale = next;
      label();
    },
    hasFocus: () => document.activeElement === host,
    focusLauncher: () => button.focus(),
  };
}
