import type { Locale } from '../locales.js';
import type { SystemEvent } from '../messages.js';
import { createTranslator, type Catalogues } from './catalogue.js';
import { localizedParam } from './localized-name.js';
import { en, type DefaultTextKey } from './en.js';
import { fr } from './fr.js';
import { ru } from './ru.js';
import { zhHans } from './zh-Hans.js';
import { zhHant } from './zh-Hant.js';

/** Every default text the server shows or sends, per locale. */
export const DEFAULT_TEXTS: Catalogues<typeof en> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant, fr, ru };

export type { DefaultTextKey };

/**
 * A default text in a language, with its placeholders filled:
 * `translate('ru', 'queue.ahead', { count: 3 })`. Keys and parameters are
 * checked at compile time; plural texts pick their form from `count`.
 */
// Pure, so a bundle that only uses the secrets guard or resolveLocale drops the texts.
export const translate = /* @__PURE__ */ createTranslator(DEFAULT_TEXTS);

/**
 * Parameters a system message may carry (`MessageView.system.params`). The
 * variant is chosen by which are present, so a missing name never shows as a
 * raw placeholder: no `agentName` gives "one of our advisors".
 */
export interface SystemMessageParams {
  /** The agent assigned, taking over, joining or leaving. */
  agentName?: string;
  /**
   * Display name of the team a transfer went to, in the default language;
   * `department:<locale>` keys carry its name in other languages, so each
   * reader sees theirs.
   */
  department?: string;
  caseNumber?: string;
  /** `'true'` when the transcript email is on its way; closing texts then mention it and the case number. */
  summaryEmailed?: string;
  /**
   * On a welcome or a transfer to a team: nobody of the team could answer
   * when the line was posted (`'closed'` by its hours, `'no-agents'` online),
   * so the line says so and what the customer can do instead of "shortly".
   */
  teamAway?: TeamAway;
}

/** Why nobody of a team can answer now: closed by its opening hours, or nobody online. */
export type TeamAway = 'closed' | 'no-agents';

type Params = Readonly<SystemMessageParams & Record<string, string | undefined>>;

/** The text of a system message in a language; stored messages keep the event and params and render per reader. */
export function renderSystemMessage(event: SystemEvent, params: Params, locale: Locale): string {
  const { agentName, caseNumber, teamAway } = params;
  const department = params[localizedParam('department', locale)] ?? params.department;
  const summary = params.summaryEmailed === 'true' && caseNumber !== undefined;
  switch (event) {
    case 'conversation.started':
      if (caseNumber === undefined) return translate(locale, 'system.started');
      if (teamAway === 'closed') return translate(locale, 'system.started.closed', { caseNumber });
      if (teamAway === 'no-agents') return translate(locale, 'system.started.noAgents', { caseNumber });
      return translate(locale, 'system.started.case', { caseNumber });
    case 'conversation.assigned':
      return agentName === undefined
        ? translate(locale, 'system.assigned.generic')
        : translate(locale, 'system.assigned', { agentName });
    case 'conversation.transferred':
      if (agentName !== undefined) return translate(locale, 'system.transferred.agent', { agentName });
      if (department === undefined) return translate(locale, 'system.transferred.generic');
      if (teamAway === 'closed') return translate(locale, 'system.transferred.team.closed', { department });
      if (teamAway === 'no-agents') return translate(locale, 'system.transferred.team.noAgents', { department });
      return translate(locale, 'system.transferred.team', { department });
    case 'conversation.requeued':
      return translate(locale, 'system.requeued');
    case 'conversation.closed':
      return summary ? translate(locale, 'system.closed.summary', { caseNumber }) : translate(locale, 'system.closed');
    case 'customer.idle-nudge':
      return translate(locale, 'system.idleNudge');
    case 'customer.idle-close':
      return summary
        ? translate(locale, 'system.idleClose.summary', { caseNumber })
        : translate(locale, 'system.idleClose');
    case 'agent.joined':
      return agentName === undefined
        ? translate(locale, 'system.agentJoined.generic')
        : translate(locale, 'system.agentJoined', { agentName });
    case 'agent.left':
      return agentName === undefined
        ? translate(locale, 'system.agentLeft.generic')
        : translate(locale, 'system.agentLeft', { agentName });
  }
}

/** "You're next" at position 1 (or below), otherwise how many people are ahead. `position` counts from 1. */
export function queuePositionText(locale: Locale, position: number): string {
  const ahead = Math.floor(position) - 1;
  return ahead < 1 ? translate(locale, 'queue.next') : translate(locale, 'queue.ahead', { count: ahead });
}

/**
 * The estimated wait, honest when there is no estimate (no recent chats to
 * learn from): pass `undefined`, `null` or a non-finite number.
 * Under a minute says so; up to 90 minutes in minutes; beyond, in hours.
 */
export function waitEstimateText(locale: Locale, seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
    return translate(locale, 'queue.wait.unknown');
  }
  if (seconds < 60) return translate(locale, 'queue.wait.lessThanMinute');
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return translate(locale, 'queue.wait.minutes', { count: minutes });
  return translate(locale, 'queue.wait.hours', { count: Math.round(minutes / 60) });
}
