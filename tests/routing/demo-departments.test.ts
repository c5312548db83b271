import type { PublicTopic } from '@switchboard/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, uniqueNamespace, type TestServer } from '../support/test-server.js';

const LOCALES = ['en', 'fr', 'ru', 'zh-Hans', 'zh-Hant'];
const DEMO_TOPICS = ['billing', 'computer', 'earbuds', 'phone', 'tablet', 'watch'];

const publicTopics = async (server: TestServer) =>
  ((await (await fetch(`${server.url}/api/public/topics`)).json()) as { topics: PublicTopic[] }).topics;

/** Email → the names of the departments the agent is placed in. */
async function placements(server: TestServer): Promise<Record<string, string[]>> {
  const departments = await server.app.services.departments.list({ includeArchived: true });
  const nameOf = new Map(departments.map((department) => [department.id, department.name]));
  const agents = await server.app.services.agents.list();
  return Object.fromEntries(
    agents.map((agent) => [agent.email, agent.departmentIds.map((id) => nameOf.get(id) ?? id).sort()]),
  );
}

describe('the demo brand on a fresh development start', () => {
  const servers: TestServer[] = [];
  const start = (namespace: string, NODE_ENV = 'development') =>
    startTestServer({ testFile: import.meta.filename, namespace, env: { NODE_ENV } }).then((server) => {
      servers.push(server);
      return server;
    });
  afterAll(async () => {
    for (const server of servers.reverse()) await server.stop();
  });

  it('offers the demo topics in every language, with business hours, served by the demo agents — once, however many processes start', async () => {
    const namespace = uniqueNamespace(import.meta.filename);
    const [first] = await Promise.all([start(namespace), start(namespace)]);

    const topics = await publicTopics(first);
    expect(topics.map((topic) => topic.key).sort()).toEqual(DEMO_TOPICS);
    for (const topic of topics) {
      expect(Object.keys(topic.labels).sort()).toEqual([...LOCALES].sort());
      expect(topic.languages.sort()).toEqual([...LOCALES].sort());
    }
    const departments = await first.app.services.departments.list();
    expect(departments.map((department) => department.name).sort()).toEqual([
      'Billing',
      'Computer',
      'Earbuds',
      'Phone',
      'Tablet',
      'Watch',
    ]);
    for (const department of departments) expect(department.hours?.timeZone).toBe('Europe/Paris');
    expect(departments.find((department) => department.name === 'Billing')?.hours?.weekly.sat).toBeUndefined();

    const placed = await placements(first);
    expect(placed).toMatchObject({
      'lei@example.com': ['Earbuds', 'Phone', 'Tablet', 'Watch'],
      'marie@example.com': ['Billing', 'Computer', 'Phone', 'Watch'],
      'olga@example.com': ['Billing', 'Computer', 'Earbuds', 'Phone', 'Tablet'],
      'admin@example.com': [],
    });

    // A restart seeds nothing again, and what an admin archived stays archived.
    const watch = departments.find((department) => department.name === 'Watch');
    await first.app.services.departments.archive(watch!.id);
    const restarted = await start(namespace);
    expect((await publicTopics(restarted)).map((topic) => topic.key).sort()).toEqual(
      DEMO_TOPICS.filter((key) => key !== 'watch'),
    );
    expect(await restarted.app.services.departments.list({ includeArchived: true })).toHaveLength(6);
    expect(await placements(restarted)).toEqual(placed);
  });

  it('the demo page’s product buttons prefill topics the demo departments serve', async () => {
    const server = await start(uniqueNamespace(import.meta.filename));
    const page = await (await fetch(`${server.url}/demo`)).text();
    const buttons = [...page.matchAll(/data-topic="([^"]+)"/g)].map((match) => match[1]);
    expect(buttons.length).toBeGreaterThan(0);
    const served = new Set((await publicTopics(server)).map((topic) => topic.key));
    expect(buttons.filter((topic) => !served.has(topic!))).toEqual([]);
  });

  it('seeds nothing outside development', async () => {
    const server = await start(uniqueNamespace(import.meta.filename), 'test');
    expect(await publicTopics(server)).toEqual([]);
  });
});
