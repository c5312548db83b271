import type { RoutingStrategy } from '@switchboard/shared';

/** An online agent as one routing pass sees them: load counted from the conversations themselves. */
export interface Candidate {
  id: string;
  languages: readonly string[];
  /** Active chats now. */
  load: number;
  capacity: number;
  lastAssignedAt: Date | null;
}

const idleSince = (candidate: Candidate) => candidate.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;

/** Longest since their last assignment first (never assigned counts as longest); the id settles exact ties. */
function byIdle(a: Candidate, b: Candidate): number {
  return idleSince(a) - idleSince(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * R2: agents with room, best first. `least-loaded` counts current load (never
 * lifetime totals) and breaks ties by longest idle; `round-robin` takes
 * whoever waited longest since their last chat, whatever their load.
 */
export function rankCandidates(strategy: RoutingStrategy, candidates: readonly Candidate[]): Candidate[] {
  const withRoom = candidates.filter((candidate) => candidate.load < candidate.capacity);
  return strategy === 'round-robin' ? withRoom.sort(byIdle) : withRoom.sort((a, b) => a.load - b.load || byIdle(a, b));
}

export interface Choice {
  /** Null when nobody fits now. */
  agent: Candidate | null;
  languageMatch: boolean;
  /** When nobody fits yet but the language fallback will open up: seconds until it does. */
  retryInSeconds: number | null;
}

/**
 * The agent for one waiting chat: the best-ranked who speaks its language;
 * once it has waited `fallbackSeconds` (null: never), the best-ranked of all.
 */
export function chooseAgent(input: {
  strategy: RoutingStrategy;
  candidates: readonly Candidate[];
  language: string;
  waitedSeconds: number;
  fallbackSeconds: number | null;
}): Choice {
  const ranked = rankCandidates(input.strategy, input.candidates);
  const speaker = ranked.find((candidate) => candidate.languages.includes(input.language));
  if (speaker) return { agent: speaker, languageMatch: true, retryInSeconds: null };
  const anyone = ranked[0] ?? null;
  if (!anyone || input.fallbackSeconds === null) return { agent: null, languageMatch: false, retryInSeconds: null };
  if (input.waitedSeconds >= input.fallbackSeconds)
    return { agent: anyone, languageMatch: false, retryInSeconds: null };
  return { agent: null, languageMatch: false, retryInSeconds: input.fallbackSeconds - input.waitedSeconds };
}
