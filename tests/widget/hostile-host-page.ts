/**
 * A customer site that does everything wrong: CSS that unsets every property
 * on every element with !important, maximal z-indexes, hidden buttons and
 * iframes, and globals named like a widget's internals. The widget must work
 * on it and leave it exactly as it was.
 */

const HOSTILE_CSS = `
* { all: unset !important; }
head { display: none !important; }
body * { z-index: 2147483647 !important; }
button, iframe { display: none !important; }
div, p, h1, header, footer, main { display: block !important; }
header { height: 96px !important; background: #e5e5ea !important; padding: 16px !important; }
h1 { font: 700 28px/1.2 sans-serif !important; }
p { font: 16px/1.5 serif !important; margin: 12px 16px !important; }
footer { position: fixed !important; bottom: 0 !important; left: 0 !important; right: 0 !important; height: 48px !important; background: #ffd60a !important; }
`;

// Names a careless loader might leak (q, config, launcher…) set by the page
// first, so a test can see they are left untouched.
const HOST_GLOBALS = `
var q = ['host-q']; var config = { host: true }; var launcher = 'host launcher'; var frame = 'host frame';
var api = 'host api'; var settings = 'host settings'; var SwitchboardLoader = 'host loader';
function boot() { return 'host boot'; }
function open() { return 'host open'; }
`;

/** Names and values `HOST_GLOBALS` sets, as the page should still see them after the widget loads. */
export const HOST_GLOBAL_VALUES = {
  q: ['host-q'],
  config: { host: true },
  launcher: 'host launcher',
  frame: 'host frame',
  api: 'host api',
  settings: 'host settings',
  SwitchboardLoader: 'host loader',
};

/**
 * The customer snippet. `inert` types both scripts text/plain: the control
 * page then has the same markup (under `all: unset` even script text could
 * render) while nothing runs.
 */
export function embedSnippet(serverUrl: string, inert = false): string {
  const type = inert ? ' type="text/plain"' : '';
  return `<script${type}>
  window.Switchboard = window.Switchboard || function () { (Switchboard.q = Switchboard.q || []).push(arguments); };
  Switchboard('init', { siteKey: 'hostile-shop' });
</script>
<script${type} async src="${serverUrl}/widget/loader.js" data-locale="en" data-position="right" data-color="#0071e3"></script>`;
}

/** The page, with or without the widget (the control page for layout and globals). */
export function hostilePage(options: { snippet: string; foreignFrameUrl: string }): string {
  const paragraphs = Array.from(
    { length: 30 },
    (_, index) =>
      `<p id="p${index}">Paragraph ${index + 1} of the shop's terms. Nothing here is styled by the widget.</p>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hostile shop</title>
<style>${HOSTILE_CSS}</style>
<script>${HOST_GLOBALS}</script>
${options.snippet}
</head>
<body>
<header><h1>Hostile Shop</h1><button id="host-button">A host button</button><a href="#top" id="host-link">Top</a></header>
<main>${paragraphs}</main>
<iframe id="foreign" title="ads" src="${options.foreignFrameUrl}"></iframe>
<footer>Sticky host footer</footer>
</body>
</html>`;
}

/** A frame of a third origin inside the host page, used to forge widget messages. */
export const FOREIGN_FRAME = '<!doctype html><html><body>foreign ad frame</body></html>';
