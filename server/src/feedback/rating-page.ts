import { MAX_RATING_COMMENT, type Locale } from '@switchboard/shared';
import { escapeHtml as e } from '../mail/html-escape.js';
import { ratingText } from './rating-page-texts.js';

/** What the rating page shows: the form (with the rating already given, if any), or why there is none. */
export type RatingPageState =
  | {
      kind: 'form';
      caseNumber: string;
      agentName?: string;
      /** Where the form posts to (the link's own path and token). */
      action: string;
      token: string;
      current?: { rating: number; comment?: string };
      missingRating?: boolean;
    }
  | { kind: 'expired' | 'invalid' | 'notEnded' | 'unanswered' | 'busy' };

const SCALE = [1, 2, 3, 4, 5] as const;

/**
 * A small page without script (it works in any browser an email opens),
 * readable from a phone up: 1–5 and a comment, the same rating the widget's
 * end screen stores. Every value shown is escaped.
 */
export function renderRatingPage(locale: Locale, state: RatingPageState): string {
  const t = ratingText;
  const body =
    state.kind === 'form' ? form(locale, state) : `<p class="note" role="status">${e(t(locale, state.kind))}</p>`;
  return `<!doctype html>
<html lang="${e(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(t(locale, 'title'))}</title>
<style>
*{box-sizing:border-box}
body{margin:0;padding:24px 16px;background:#f5f5f7;color:#1d1d1f;font:16px/1.5 -apple-system,'Segoe UI',Roboto,'PingFang SC','Microsoft YaHei',sans-serif}
main{max-width:560px;margin:0 auto;background:#fff;border-radius:12px;padding:24px}
h1{font-size:22px;margin:0 0 8px}
.intro{color:#424245;margin:0 0 16px}
fieldset{border:0;margin:0 0 16px;padding:0}
legend{font-weight:600;margin-bottom:8px}
.scale{display:grid;gap:8px}
.scale label{display:flex;align-items:center;gap:10px;padding:10px 12px;border:1px solid #d2d2d7;border-radius:10px;cursor:pointer}
.scale input{width:20px;height:20px;margin:0;accent-color:#0071e3}
.scale label:has(input:checked){border-color:#0071e3;background:#f0f7ff}
label.comment{display:block;font-weight:600;margin-bottom:6px}
textarea{width:100%;min-height:96px;padding:10px;border:1px solid #d2d2d7;border-radius:10px;font:inherit;resize:vertical}
button{margin-top:16px;background:#0071e3;color:#fff;border:0;border-radius:980px;padding:12px 22px;font:inherit;font-weight:600;cursor:pointer}
button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #0071e3;outline-offset:2px}
.note{margin:0}
.done{background:#eef8ee;border-radius:10px;padding:12px;margin:0 0 16px}
.error{color:#b3261e;font-weight:600;margin:0 0 8px}
</style>
</head>
<body>
<main>
<h1>${e(t(locale, 'heading'))}</h1>
${body}
</main>
</body>
</html>
`;
}

function form(locale: Locale, state: Extract<RatingPageState, { kind: 'form' }>): string {
  const t = ratingText;
  const intro = state.agentName
    ? t(locale, 'intro.agent', { agentName: state.agentName, caseNumber: state.caseNumber })
    : t(locale, 'intro', { caseNumber: state.caseNumber });
  const chosen = state.current?.rating;
  const done = state.current
    ? `<p class="done" role="status">${e(t(locale, 'thanks', { rating: state.current.rating }))}<br>${e(t(locale, 'change'))}</p>`
    : '';
  const scale = SCALE.map(
    (value) =>
      `<label><input type="radio" name="rating" value="${value}" required${value === chosen ? ' checked' : ''}>${e(t(locale, `scale.${value}`))}</label>`,
  ).join('\n');
  return `${done}<p class="intro">${e(intro)}</p>
<form method="post" action="${e(state.action)}">
<input type="hidden" name="token" value="${e(state.token)}">
<fieldset>
<legend>${e(t(locale, 'legend'))}</legend>
${state.missingRating ? `<p class="error" role="alert">${e(t(locale, 'missing'))}</p>` : ''}
<div class="scale">
${scale}
</div>
</fieldset>
<label class="comment" for="comment">${e(t(locale, 'comment'))}</label>
<textarea id="comment" name="comment" maxlength="${MAX_RATING_COMMENT}">${e(state.current?.comment ?? '')}</textarea>
<button type="submit">${e(t(locale, 'submit'))}</button>
</form>`;
}
