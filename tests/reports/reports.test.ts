import type { ReportFigures, ReportView } from '@switchboard/shared';
import { parse } from 'csv-parse/sync';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createAgent, createSignedInAgent, type SignedIn } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/*
 * Seeded conversations with known timings (seconds after creation), written
 * straight into the collections as the server would have left them, so every
 * figure has a known answer. Paris is UTC+1 in early March.
 */
interface Seed {
  at: string;
  dept: 'billing' | 'repairs' | null;
  agent?: 'lei' | 'marie';
  firstReply?: number;
  assigned?: number;
  closed?: number;
  rating?: number;
  transcripts?: ('sent' | 'failed' | 'queued')[];
  offline?: boolean;
}

const SEEDS: Seed[] = [
  {
    at: '2026-03-02T09:00:00Z',
    dept: 'billing',
    agent: 'lei',
    firstReply: 30,
    assigned: 10,
    closed: 610,
    rating: 5,
    transcripts: ['sent'],
  },
  {
    at: '2026-03-02T10:00:00Z',
    dept: 'billing',
    agent: 'lei',
    firstReply: 60,
    assigned: 5,
    closed: 305,
    rating: 4,
    transcripts: ['failed'],
  },
  {
    at: '2026-03-03T08:00:00Z',
    dept: 'billing',
    agent: 'lei',
    firstReply: 90,
    assigned: 0,
    closed: 900,
    rating: 2,
    transcripts: ['sent', 'sent', 'queued'],
  },
  { at: '2026-03-03T09:00:00Z', dept: 'billing', closed: 120 },
  { at: '2026-03-03T12:00:00Z', dept: 'repairs', agent: 'marie', firstReply: 120, assigned: 0, closed: 1200 },
  { at: '2026-03-03T13:00:00Z', dept: 'repairs', agent: 'marie', firstReply: 10, assigned: 2 },
  { at: '2026-03-02T12:00:00Z', dept: 'repairs', offline: true },
  // 00:30 on 2 March in Paris, still 1 March in UTC.
  { at: '2026-03-01T23:30:00Z', dept: 'billing', agent: 'lei', firstReply: 45, assigned: 0, closed: 100 },
  // 00:30 on 4 March in Paris, still 3 March in UTC.
  { at: '2026-03-03T23:30:00Z', dept: 'billing', agent: 'lei', firstReply: 1000, assigned: 0, closed: 1000 },
  { at: '2026-03-02T15:00:00Z', dept: null },
  // Outside both ranges.
  { at: '2026-02-20T12:00:00Z', dept: 'billing', agent: 'lei', firstReply: 5, assigned: 0, closed: 5, rating: 1 },
];

const figures = (f: Partial<ReportFigures>): ReportFigures => ({
  chats: 0,
  offlineMessages: 0,
  firstResponse: { count: 0, medianSeconds: null, p90Seconds: null },
  handling: { count: 0, medianSeconds: null },
  abandoned: 0,
  satisfaction: { count: 0, average: null },
  transcripts: { sent: 0, failed: 0 },
  ...f,
});

describe('reports per department and per agent', () => {
  let server: TestServer;
  let supervisor: SignedIn;
  const ids = { billing: '', repairs: '', lei: '', marie: '' };

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    supervisor = await createSignedInAgent(server, { role: 'supervisor' });
    const { departments } = server.app.services;
    ids.billing = (await departments.create({ ...base(), name: 'Billing, "Gold" plan' })).id;
    ids.repairs = (await departments.create({ ...base(), name: 'Repairs' })).id;
    ids.lei = (await createAgent(server, { displayName: '=Lei "Sunny" Wang' })).agent.id;
    ids.marie = (await createAgent(server, { displayName: 'Marie Curie' })).agent.id;

    const db = server.app.mongo;
    const deliveries: Record<string, unknown>[] = [];
    const conversations = SEEDS.map((seed, index) => {
      const created = new Date(seed.at);
      const after = (seconds: number | undefined) =>
        seconds === undefined ? undefined : new Date(created.getTime() + seconds * 1000);
      const _id = new Types.ObjectId();
      for (const [n, status] of (seed.transcripts ?? []).entries()) {
        deliveries.push({
          conversationId: _id,
          requestId: `r${String(n)}`,
          trigger: 'request',
          to: 'c@example.com',
          status,
          attempts: [],
          messageId: `<m${String(index)}-${String(n)}@x>`,
          queuedAt: created,
        });
      }
      return {
        _id,
        caseNumber: `SB-TEST-${String(index)}`,
        status: seed.closed === undefined ? (seed.agent ? 'active' : 'queued') : 'closed',
        customerId: new Types.ObjectId(),
        topic: 'general',
        departmentId: seed.dept ? new Types.ObjectId(ids[seed.dept]) : null,
        language: 'en',
        agentId: seed.agent ? new Types.ObjectId(ids[seed.agent]) : null,
        lastSeq: 3,
        queuedAt: created,
        offline: seed.offline ?? false,
        createdAt: created,
        updatedAt: created,
        assignedAt: after(seed.assigned),
        firstAgentReplyAt: after(seed.firstReply),
        closedAt: after(seed.closed),
        ...(seed.rating === undefined ? {} : { satisfaction: { rating: seed.rating, ratedAt: after(seed.closed) } }),
      };
    });
    await db.collection('conversations').insertMany(conversations);
    await db.collection('transcript_deliveries').insertMany(deliveries);
  });
  afterAll(() => server.stop());

  function base() {
    return {
      names: {},
      topics: [],
      languages: ['en' as const],
      hours: null,
      strategy: 'least-loaded' as const,
      languageFallbackSeconds: null,
      maxQueueWaitSeconds: null,
      defaultCapacity: null,
      customerIdleNudgeSeconds: null,
      customerIdleCloseSeconds: null,
      agentReplySlaSeconds: null,
      autoRequeueSeconds: null,
    };
  }

  const report = async (query: string) => {
    const response = await agentFetch(server.url, supervisor, `/api/reports?${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { report: ReportView }).report;
  };

  it('gives exact figures per department and agent for local days in the time zone', async () => {
    const paris = await report('from=2026-03-02&to=2026-03-03&timeZone=Europe/Paris');
    expect(paris.totals).toEqual(
      figures({
        chats: 8,
        offlineMessages: 1,
        firstResponse: { count: 6, medianSeconds: 52.5, p90Seconds: 120 },
        handling: { count: 5, medianSeconds: 600 },
        abandoned: 1,
        satisfaction: { count: 3, average: 3.67 },
        transcripts: { sent: 3, failed: 1 },
      }),
    );
    const byDepartment = Object.fromEntries(paris.departments.map((row) => [row.departmentId ?? 'general', row]));
    expect(byDepartment[ids.billing]).toEqual({
      departmentId: ids.billing,
      name: 'Billing, "Gold" plan',
      ...figures({
        chats: 5,
        firstResponse: { count: 4, medianSeconds: 52.5, p90Seconds: 90 },
        handling: { count: 4, medianSeconds: 450 },
        abandoned: 1,
        satisfaction: { count: 3, average: 3.67 },
        transcripts: { sent: 3, failed: 1 },
      }),
    });
    expect(byDepartment[ids.repairs]).toMatchObject(
      figures({
        chats: 2,
        offlineMessages: 1,
        firstResponse: { count: 2, medianSeconds: 65, p90Seconds: 120 },
        handling: { count: 1, medianSeconds: 1200 },
      }),
    );
    expect(byDepartment.general).toMatchObject({ name: 'General queue', ...figures({ chats: 1 }) });
    const byAgent = Object.fromEntries(paris.agents.map((row) => [row.agentId, row]));
    expect(Object.keys(byAgent).sort()).toEqual([ids.lei, ids.marie].sort());
    expect(byAgent[ids.lei]).toMatchObject(
      figures({
        chats: 4,
        firstResponse: { count: 4, medianSeconds: 52.5, p90Seconds: 90 },
        handling: { count: 4, medianSeconds: 450 },
        satisfaction: { count: 3, average: 3.67 },
        transcripts: { sent: 3, failed: 1 },
      }),
    );
    expect(byAgent[ids.marie]).toMatchObject({ name: 'Marie Curie', chats: 2 });
    expect(paris.days).toEqual([
      { date: '2026-03-02', chats: 4 },
      { date: '2026-03-03', chats: 4 },
    ]);
  });

  it('moves chats near midnight with the time zone, and filters by department', async () => {
    const utc = await report('from=2026-03-02&to=2026-03-03&timeZone=UTC');
    expect(utc.totals).toMatchObject({
      chats: 8,
      firstResponse: { count: 6, medianSeconds: 75, p90Seconds: 1000 },
    });
    expect(utc.days).toEqual([
      { date: '2026-03-02', chats: 3 },
      { date: '2026-03-03', chats: 5 },
    ]);
    const oneDay = await report('from=2026-03-03&to=2026-03-03&timeZone=Europe/Paris');
    expect(oneDay.totals.chats).toBe(4);
    const repairs = await report(`from=2026-03-02&to=2026-03-03&timeZone=Europe/Paris&departmentId=${ids.repairs}`);
    expect(repairs.departments.map((row) => row.departmentId)).toEqual([ids.repairs]);
    expect(repairs.totals.chats).toBe(2);
    const empty = await report('from=2025-01-01&to=2025-01-02&timeZone=Asia/Tokyo');
    expect(empty.totals).toEqual(figures({}));
    expect(empty.departments).toEqual([]);
  });

  it('exports CSV with the same known figures, names quoted and defused', async () => {
    const response = await agentFetch(
      server.url,
      supervisor,
      '/api/reports.csv?from=2026-03-02&to=2026-03-03&timeZone=Europe/Paris',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="?switchboard-report-2026-03-02-to-2026-03-03.csv/,
    );
    const text = await response.text();
    expect(text).toContain('"Billing, ""Gold"" plan"');
    const [header, ...records] = parse(text, { bom: true });
    expect(header?.join(',')).toBe(
      'scope,id,name,chats,offline_messages,first_response_count,first_response_median_seconds,first_response_p90_seconds,handling_count,handling_median_seconds,abandoned,satisfaction_count,satisfaction_average,transcripts_sent,transcripts_failed',
    );
    // The figures the JSON test above expects, in header order, `-` where the cell is blank. A day has chats only.
    const figuresOf = (cells: string[]) => cells.map((cell) => cell || '-').join(' ');
    expect(records.map(([scope, id, name, ...figures]) => [scope, id, name, figuresOf(figures)])).toEqual([
      ['total', '', '2026-03-02 – 2026-03-03 (Europe/Paris)', '8 1 6 52.5 120 5 600 1 3 3.67 3 1'],
      ['department', ids.billing, 'Billing, "Gold" plan', '5 0 4 52.5 90 4 450 1 3 3.67 3 1'],
      ['department', '', 'General queue', '1 0 0 - - 0 - 0 0 - 0 0'],
      ['department', ids.repairs, 'Repairs', '2 1 2 65 120 1 1200 0 0 - 0 0'],
      ['agent', ids.lei, `'=Lei "Sunny" Wang`, '4 0 4 52.5 90 4 450 0 3 3.67 3 1'],
      ['agent', ids.marie, 'Marie Curie', '2 0 2 65 120 1 1200 0 0 - 0 0'],
      ['day', '2026-03-02', '2026-03-02', '4 - - - - - - - - - - -'],
      ['day', '2026-03-03', '2026-03-03', '4 - - - - - - - - - - -'],
    ]);
  });

  it('refuses agents with FORBIDDEN and bad ranges with VALIDATION_FAILED', async () => {
    const agent = await createSignedInAgent(server, { role: 'agent' });
    for (const path of ['/api/reports', '/api/reports.csv']) {
      const response = await agentFetch(server.url, agent, `${path}?from=2026-03-02&to=2026-03-03&timeZone=UTC`);
      expect(response.status, path).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    for (const query of [
      'from=2026-03-03&to=2026-03-02&timeZone=UTC',
      'from=2026-03-02&to=2026-03-03&timeZone=Mars/Olympus',
      'from=2026-02-30&to=2026-03-03&timeZone=UTC',
      'from=2024-01-01&to=2026-03-03&timeZone=UTC',
      'from[$gt]=&to=2026-03-03&timeZone=UTC',
      'to=2026-03-03&timeZone=UTC',
    ]) {
      const response = await agentFetch(server.url, supervisor, `/api/reports?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });
});
