/**
 * A slow webhook receiver never slows chats: message acks (stored, acked and
 * at the agent, as in figure 1) on one Switchboard process with no endpoint,
 * then with an endpoint subscribed to every event whose receiver answers in
 * 10 s, alternating A B A B on the same chats. The "baseline" column is the
 * same server without the endpoint.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WEBHOOK_EVENTS } from '@switchboard/shared';
import { quiesce, type Context, type Figure } from '../figures.js';
import { measuredRow } from '../lib/report.js';
import { adminSession, type Server } from '../lib/servers.js';
import { fmt } from '../lib/stats.js';
import { chatRound, prepareChats, releaseChats, type ChatRound } from './chat.js';

const RECEIVER_ANSWERS_AFTER_MS = 10_000;

/** An HTTP receiver that answers every delivery after 10 s (and counts them). */
async function slowReceiver() {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      setTimeout(() => res.writeHead(200).end(), RECEIVER_ANSWERS_AFTER_MS).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received: () => received,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function adminCall(server: Server, route: string, method: string, body: unknown): Promise<unknown> {
  const session = await adminSession(server.url);
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: {
      'content-type': 'application/json',
      origin: server.url,
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function webhooksFigure(ctx: Context): Promise<Figure> {
  const shape = ctx.sizes.throughput;
  const receiver = await slowReceiver();
  await ctx.fresh();
  ctx.say(`webhooks: ${shape.chats} chats × ${shape.inFlight} in flight, receiver answering in 10 s`);
  const created = (await adminCall(ctx.sb, '/api/webhooks', 'POST', {
    url: receiver.url,
    events: WEBHOOK_EVENTS,
    enabled: false,
  })) as { endpoint: { id: string } };
  const toggle = (enabled: boolean) => adminCall(ctx.sb, `/api/webhooks/${created.endpoint.id}`, 'PATCH', { enabled });
  const chats = await prepareChats(ctx.sb, 'switchboard', shape);
  const results = { withEndpoint: [] as ChatRound[], without: [] as ChatRound[] };
  try {
    for (let round = 0; round < ctx.rounds; round += 1) {
      await toggle(true);
      const slow = await chatRound(chats, shape, ctx.services);
      await toggle(false);
      // The deliveries still queued are skipped once the ones in flight are answered: that work
      // belongs to the rounds with the endpoint, so it is waited out before the baseline's.
      await new Promise((resolve) => setTimeout(resolve, RECEIVER_ANSWERS_AFTER_MS + 1_000));
      await quiesce([ctx.sb.pid, ctx.services.dbPid]);
      const none = await chatRound(chats, shape, ctx.services);
      results.withEndpoint.push(slow);
      results.without.push(none);
      ctx.say(
        `  round ${round + 1}: p99 ${fmt(slow.p99)} vs ${fmt(none.p99)} ms, ${fmt(slow.perSecond)} vs ${fmt(none.perSecond)} msg/s, deliveries received ${receiver.received()}`,
      );
    }
  } finally {
    await releaseChats(chats);
    await receiver.stop();
  }
  const rows = [
    ...(['p50', 'p99'] as const).map((q) =>
      measuredRow({
        figure: `webhooks. send → acked and at the agent, ${q}, ${shape.chats} chats × ${shape.inFlight}, with an endpoint answering in 10 s (baseline: no endpoint, same server)`,
        a: results.withEndpoint.map((r) => r[q]),
        b: results.without.map((r) => r[q]),
        unit: ' ms',
        target: q === 'p99' ? 'p99 ≤ 1.25×' : 'report',
        ...(q === 'p99' ? { pass: (ratio: number) => ratio <= 1.25 } : {}),
      }),
    ),
    measuredRow({
      figure: 'webhooks. messages/s with the 10 s endpoint (baseline: no endpoint)',
      a: results.withEndpoint.map((r) => r.perSecond),
      b: results.without.map((r) => r.perSecond),
      unit: '',
      target: '≥ 0.8×',
      pass: (ratio) => ratio >= 0.8,
    }),
    measuredRow({
      figure: 'webhooks. Redis commands sent per message, with the endpoint (baseline: none; queueing included)',
      a: results.withEndpoint.map((r) => r.redisCommandsPerMessage),
      b: results.without.map((r) => r.redisCommandsPerMessage),
      unit: '',
      target: 'evidence',
    }),
  ];
  return { rows, raw: results };
}
