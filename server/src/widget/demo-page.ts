/**
 * GET /demo: the support page of "Nimbus", a made-up consumer-electronics
 * brand, embedding the widget exactly as a customer's site would (the stub
 * plus the async script tag). Static HTML: the only dynamic part is the
 * server's origin in the snippet.
 */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const ICON = (body: string) =>
  `<svg viewBox="0 0 48 48" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

/**
 * The product buttons prefill the widget's topic: each `topic` is a topic key
 * of the demo departments seeded in development (departments/demo-departments.ts).
 */
const PRODUCTS: [topic: string, name: string, icon: string][] = [
  ['phone', 'Nimbus Phone', ICON('<rect x="15" y="5" width="18" height="38" rx="4"/><path d="M21 9h6"/>')],
  ['computer', 'Nimbus Book', ICON('<rect x="9" y="10" width="30" height="20" rx="2"/><path d="M4 36h40l-3-4H7z"/>')],
  ['tablet', 'Nimbus Pad', ICON('<rect x="10" y="6" width="28" height="36" rx="4"/><circle cx="24" cy="38" r="1"/>')],
  [
    'watch',
    'Nimbus Watch',
    ICON('<rect x="13" y="14" width="22" height="22" rx="6"/><path d="M18 14l2-9h8l2 9M18 36l2 8h8l2-8"/>'),
  ],
  [
    'earbuds',
    'Nimbus Buds',
    ICON('<circle cx="15" cy="17" r="7"/><path d="M15 24v16"/><circle cx="33" cy="17" r="7"/><path d="M33 24v16"/>'),
  ],
];

const TOPICS: [title: string, text: string][] = [
  ['Forgot your Nimbus ID password', 'Reset it, or get back into an account that is locked.'],
  ['Billing and subscriptions', 'See or cancel a subscription, or ask about a charge.'],
  ['Battery and charging service', 'Check battery health and book a replacement.'],
  ['Your order and delivery', 'Track a delivery, change an address or return an item.'],
  ['Set up and pair Nimbus Buds', 'Pair with your phone, update firmware, fix audio.'],
  ['Trade in your device', 'Get credit for an old phone, tablet or laptop.'],
];

const LANGUAGES: [tag: string, name: string][] = [
  ['en', 'English'],
  ['fr', 'Français'],
  ['ru', 'Русский'],
  ['zh-Hans', '简体中文'],
  ['zh-Hant', '繁體中文'],
];

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.47 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;background:#fff}
a{color:#0066cc;text-decoration:none}a:hover{text-decoration:underline}
:focus-visible{outline:3px solid #0071e3;outline-offset:2px}
.nav{background:#161617;color:#e8e8ed;font-size:13px}
.nav ul{display:flex;gap:28px;align-items:center;justify-content:center;list-style:none;margin:0 auto;padding:0 16px;height:44px;max-width:1000px;overflow-x:auto}
.nav a{color:inherit;white-space:nowrap}.nav .brand{font-weight:700;font-size:16px;letter-spacing:.02em}.nav [aria-current]{color:#fff;font-weight:600}
.hero{background:#f5f5f7;text-align:center;padding:56px 20px 48px}
.hero h1{font-size:48px;line-height:1.08;margin:0 0 24px;letter-spacing:-.01em}
.search{max-width:560px;margin:0 auto;display:flex;border:1px solid #d2d2d7;border-radius:12px;background:#fff;overflow:hidden}
.search input{flex:1;border:0;padding:14px 16px;font:inherit;min-width:0}.search input:focus{outline:none}.search:focus-within{outline:3px solid #0071e3}
.search button{border:0;background:#0071e3;color:#fff;font:inherit;padding:0 20px;cursor:pointer}
main{max-width:1000px;margin:0 auto;padding:0 20px 64px}
h2{font-size:32px;margin:56px 0 24px;text-align:center}
.products{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;list-style:none;padding:0;margin:0}
.products button{width:100%;border:0;background:none;font:inherit;color:inherit;cursor:pointer;padding:16px 8px;border-radius:16px;display:flex;flex-direction:column;align-items:center;gap:10px}
.products button:hover{background:#f5f5f7}.products svg{width:56px;height:56px;color:#1d1d1f}
.topics{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:16px;list-style:none;padding:0;margin:0}
.topics li{background:#f5f5f7;border-radius:18px;padding:20px 24px}.topics h3{font-size:19px;margin:0 0 6px}.topics p{margin:0;color:#424245;font-size:15px}
.contact{display:flex;flex-wrap:wrap;gap:24px;align-items:center;justify-content:space-between;background:#1d1d1f;color:#f5f5f7;border-radius:24px;padding:32px 36px;margin-top:56px}
.contact h2{margin:0 0 8px;text-align:left;font-size:28px}.contact p{margin:0;color:#c7c7cc;max-width:460px}
.actions{display:flex;flex-wrap:wrap;gap:12px;align-items:center}
.primary{border:0;border-radius:980px;background:#0071e3;color:#fff;font:inherit;padding:12px 24px;cursor:pointer}.primary:hover{background:#0077ed}
label{font-size:14px;color:#c7c7cc}select{font:inherit;font-size:15px;padding:8px 10px;border-radius:10px;border:1px solid #6e6e73;background:#2c2c2e;color:#fff;margin-left:8px}
details{margin-top:40px;border-top:1px solid #d2d2d7;padding-top:16px;font-size:14px;color:#424245}
summary{cursor:pointer;font-weight:600}pre{background:#f5f5f7;padding:16px;border-radius:12px;overflow-x:auto;font-size:13px}
footer{text-align:center;font-size:12px;color:#6e6e73;padding:24px;background:#f5f5f7}
@media (max-width:600px){.hero h1{font-size:34px}.nav ul{justify-content:flex-start;gap:20px}.contact{padding:24px}}
`;

/** The snippet a customer pastes, with this server's origin (and the page's CSP nonce, when it has one). */
export function embedSnippet(server: string, nonce?: string): string {
  const src = escapeHtml(`${server}/widget/loader.js`);
  const stub = nonce ? `<script nonce="${escapeHtml(nonce)}">` : '<script>';
  return `${stub}
  window.Switchboard = window.Switchboard || function () { (Switchboard.q = Switchboard.q || []).push(arguments); };
</script>
<script async src="${src}" data-site-key="demo" data-position="right" data-color="#0071e3"></script>`;
}

/**
 * The page's Content-Security-Policy: scripts only from this server and the
 * page's own two inline scripts (by nonce), the widget frame only from this
 * server, nothing else framed, posted or embedded.
 */
export function demoContentSecurityPolicy(server: string, nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${server} 'nonce-${nonce}'`,
    // The launcher styles its closed shadow root with a <style> element.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `frame-src 'self' ${server}`,
    `connect-src 'self' ${server}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function renderDemoPage(server: string, nonce: string): string {
  const snippet = embedSnippet(server, nonce);
  const products = PRODUCTS.map(
    ([topic, name, icon]) =>
      `<li><button type="button" data-topic="${escapeHtml(topic)}">${icon}<span>${escapeHtml(name)}</span></button></li>`,
  ).join('');
  const topics = TOPICS.map(([title, text]) => `<li><h3><a href="#contact">${title}</a></h3><p>${text}</p></li>`).join(
    '',
  );
  const languages = LANGUAGES.map(([tag, name]) => `<option value="${tag}" lang="${tag}">${name}</option>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nimbus Support — Official Nimbus Support</title>
<style>${STYLE}</style>
${snippet}
</head>
<body>
<nav class="nav" aria-label="Nimbus"><ul>
<li><a class="brand" href="#">◐ Nimbus</a></li><li><a href="#">Store</a></li><li><a href="#">Phone</a></li><li><a href="#">Book</a></li>
<li><a href="#">Pad</a></li><li><a href="#">Watch</a></li><li><a href="#">Buds</a></li>
<li><a href="#" aria-current="page">Support</a></li></ul></nav>
<header class="hero">
<h1>Nimbus Support</h1>
<form class="search" role="search"><input type="search" aria-label="Search Support" placeholder="Search Support"><button type="submit">Search</button></form>
</header>
<main>
<h2>Get help with your product</h2>
<ul class="products">${products}</ul>
<h2>Popular topics</h2>
<ul class="topics">${topics}</ul>
<section class="contact" id="contact" aria-labelledby="contact-title">
<div><h2 id="contact-title">Chat with a Nimbus Advisor</h2>
<p>Tell us what you need and an Advisor will join you, usually within a few minutes. We can also email you a summary with your case number.</p></div>
<div class="actions"><button type="button" class="primary" id="chat">Start a chat</button>
<label>Language<select id="language">${languages}</select></label></div>
</section>
<details><summary>How this page embeds the chat</summary>
<p>Nimbus is a made-up brand: this page shows how a support site embeds Switchboard. It pastes this snippet once:</p>
<pre><code>${escapeHtml(embedSnippet(server))}</code></pre>
<p>…and calls the JavaScript API: <code>Switchboard('prefill', {topic})</code> and <code>Switchboard('open')</code> from the product buttons, <code>Switchboard('setLocale', tag)</code> from the language menu. Widget events seen on this page:</p>
<pre id="events" aria-live="polite">(none yet)</pre>
</details>
</main>
<footer>Copyright © Nimbus Inc. (a fictional company). A demo of Switchboard live chat.</footer>
<script nonce="${escapeHtml(nonce)}">
  // The page's own wiring, through the snippet's queue-safe global only.
  document.querySelector('.search').addEventListener('submit', (event) => event.preventDefault());
  const log = (text) => {
    const events = document.getElementById('events');
    events.textContent = (events.textContent === '(none yet)' ? '' : events.textContent) + text + '\\n';
  };
  for (const name of ['opened', 'closed', 'message']) Switchboard('on', name, (data) => log(name + (data ? ' ' + JSON.stringify(data) : '')));
  document.getElementById('chat').addEventListener('click', () => Switchboard('open'));
  document.getElementById('language').addEventListener('change', (event) => Switchboard('setLocale', event.target.value));
  for (const button of document.querySelectorAll('[data-topic]')) {
    button.addEventListener('click', () => {
      Switchboard('prefill', { topic: button.dataset.topic });
      Switchboard('open');
    });
  }
</script>
</body>
</html>
`;
}
