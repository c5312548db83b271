import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html-escape.js';

describe('escapeHtml', () => {
  it('turns markup into text', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeHtml(`<img src=x onerror='go()'>`)).toBe('&lt;img src=x onerror=&#39;go()&#39;&gt;');
  });

  it('escapes ampersands once, so entities in the text stay visible as typed', () => {
    expect(escapeHtml('Fish &amp; chips & peas')).toBe('Fish &amp;amp; chips &amp; peas');
  });

  it('leaves other text, including non-Latin scripts, as it is', () => {
    expect(escapeHtml('Здравствуйте, 您好 — ok')).toBe('Здравствуйте, 您好 — ok');
  });
});
