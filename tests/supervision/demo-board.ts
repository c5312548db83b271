import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { createAgent } from '../support/agent-client.js';
import type { TestServer } from '../support/test-server.js';
import { createDepartment } from '../routing/routing-support.js';
import { storedConversations } from '../support/stored.js';

const DEPARTMENTS = [
  'Phones',
  'Laptops',
  'Tablets',
  'Audio',
  'Wearables',
  'TV & Home',
  'Cameras',
  'Accounts & Billing',
  'Repairs',
  'Orders & Delivery',
];
const NAMES = [
  'Lei',
  'Marie',
  'Olga',
  'Sam',
  'Noor',
  'Ana',
  'Bo',
  'Chen',
  'Dario',
  'Emma',
  'Farah',
  'Gus',
  'Hana',
  'Ivan',
  'Jade',
  'Kofi',
  'Lina',
  'Mia',
  'Nils',
  'Omar',
  'Pia',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Umar',
  'Vera',
  'Wen',
  'Xavi',
  'Yara',
  'Zoe',
  'Ali',
  'Bea',
  'Carl',
  'Dana',
  'Eli',
  'Fay',
  'Gil',
  'Hugo',
  'Iris',
  'Jon',
  'Kim',
  'Leo',
  'Max',
  'Nia',
  'Oto',
  'Paz',
  'Ravi',
  'Sia',
  'Tom',
];

/**
 * Demo data for looking at the board: 10 departments and 50 agents with
 * loads, waiting chats and a few idle ones, written straight to the database
 * (a picture, not a routing test). Deterministic, so screenshots compare.
 */
export async function seedDemoBoard(server: TestServer): Promise<void> {
  const { agents } = server.app.services;
  const departments = [];
  for (const name of DEPARTMENTS) {
    departments.push(
      await createDepartment(server, {
        name,
        topics: [{ key: name.toLowerCase().replace(/\W+/g, '-'), labels: { en: name } }],
      }),
    );
  }
  const now = Date.now();
  let caseSeq = 1;
  const conversation = (fields: Record<string, unknown>) => ({
    caseNumber: `SB-DEMO-${String(caseSeq++).padStart(6, '0')}`,
    customerId: new Types.ObjectId(),
    language: 'en',
    prechat: { name: `Customer ${caseSeq}`, email: `c${caseSeq}@example.com` },
    ...fields,
  });
  const docs: Record<string, unknown>[] = [];
  for (const [index, name] of NAMES.entries()) {
    const department = departments[index % departments.length]!;
    const capacity = 3 + (index % 3);
    const { agent } = await createAgent(server, {
      displayName: `${name} ${String.fromCharCode(65 + (index % 26))}.`,
      email: `demo-${randomBytes(3).toString('hex')}@example.com`,
      capacity,
      departmentIds: [department.id],
    });
    const status = index % 10 === 9 ? 'offline' : index % 5 === 3 ? 'away' : 'online';
    // Full agents only, so routing has no free slot to pull the waiting chats into.
    const load = status === 'offline' ? (index % 20 === 9 ? 1 : 0) : capacity;
    if (status !== 'offline') await agents.setStatus(agent.id, status);
    for (let chat = 0; chat < load; chat += 1) {
      const since = new Date(now - (60 + ((index * 7 + chat * 13) % 50) * 30) * 1000);
      docs.push(
        conversation({
          status: 'active',
          topic: department.topics[0]!.key,
          departmentId: new Types.ObjectId(department.id),
          agentId: new Types.ObjectId(agent.id),
          agentCard: { displayName: agent.displayName },
          queuedAt: since,
          assignedAt: since,
          ...(chat === 0 && index % 7 === 2
            ? { idle: { reason: index % 2 === 0 ? 'agent-unanswered' : 'customer-silent', since } }
            : {}),
        }),
      );
    }
  }
  for (const [index, department] of departments.entries()) {
    const waiting = [0, 3, 1, 0, 6, 2, 0, 4, 1, 0][index] ?? 0;
    for (let chat = 0; chat < waiting; chat += 1) {
      docs.push(
        conversation({
          status: 'queued',
          topic: department.topics[0]!.key,
          departmentId: new Types.ObjectId(department.id),
          queuedAt: new Date(now - (20 + chat * 45 + index * 11) * 1000),
        }),
      );
    }
  }
  await storedConversations(server.app).insertMany(docs);
}
