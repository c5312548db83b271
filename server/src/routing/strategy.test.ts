import { describe, expect, it } from 'vitest';
import { chooseAgent, rankCandidates, type Candidate } from './strategy.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute));
const agent = (id: string, load: number, lastAssignedAt: Date | null, languages = ['en'], capacity = 3): Candidate => ({
  id,
  load,
  capacity,
  lastAssignedAt,
  languages,
});

describe('rankCandidates', () => {
  it('least-loaded: fewest active chats first, ties by longest idle, full agents left out', () => {
    const ranked = rankCandidates('least-loaded', [
      agent('a', 2, at(1)),
      agent('b', 1, at(5)),
      agent('c', 1, at(2)),
      agent('d', 3, null),
      agent('e', 1, null),
    ]);
    expect(ranked.map((c) => c.id)).toEqual(['e', 'c', 'b', 'a']);
  });

  it('round-robin: longest since last assignment, whatever the load', () => {
    const ranked = rankCandidates('round-robin', [agent('a', 0, at(9)), agent('b', 2, at(1)), agent('c', 1, at(4))]);
    expect(ranked.map((c) => c.id)).toEqual(['b', 'c', 'a']);
  });

  it('breaks exact ties by id so every process ranks alike', () => {
    expect(rankCandidates('least-loaded', [agent('y', 0, null), agent('x', 0, null)]).map((c) => c.id)).toEqual([
      'x',
      'y',
    ]);
  });
});

describe('chooseAgent', () => {
  const pool = [agent('en1', 0, null, ['en']), agent('fr1', 2, null, ['fr', 'en'])];
  const base = { strategy: 'least-loaded' as const, candidates: pool, fallbackSeconds: 60 };

  it('prefers an agent speaking the language even when more loaded', () => {
    expect(chooseAgent({ ...base, language: 'fr', waitedSeconds: 0 })).toMatchObject({
      agent: { id: 'fr1' },
      languageMatch: true,
    });
  });

  it('waits for a speaker until the fallback, then takes the best of all', () => {
    const noSpeaker = [agent('en1', 0, null, ['en'])];
    expect(chooseAgent({ ...base, candidates: noSpeaker, language: 'ru', waitedSeconds: 20 })).toEqual({
      agent: null,
      languageMatch: false,
      retryInSeconds: 40,
    });
    expect(chooseAgent({ ...base, candidates: noSpeaker, language: 'ru', waitedSeconds: 60 })).toMatchObject({
      agent: { id: 'en1' },
      languageMatch: false,
    });
  });

  it('never falls back when the department says so, and finds nobody when all are full', () => {
    const noSpeaker = [agent('en1', 0, null, ['en'])];
    expect(
      chooseAgent({ ...base, candidates: noSpeaker, language: 'ru', waitedSeconds: 1e6, fallbackSeconds: null }),
    ).toMatchObject({ agent: null, retryInSeconds: null });
    expect(
      chooseAgent({ ...base, candidates: [agent('x', 3, null, ['ru'])], language: 'ru', waitedSeconds: 0 }),
    ).toMatchObject({ agent: null, retryInSeconds: null });
  });
});
