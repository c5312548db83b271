import type { AuditEntryView } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { actionLabel, detailLines, targetLabel, type AuditNames } from './describe-audit.js';

const names: AuditNames = {
  agents: new Map([
    ['64b000000000000000000001', 'Lei'],
    ['64b000000000000000000002', 'Mia'],
  ]),
  departments: new Map([['64d000000000000000000001', 'Phones']]),
};

const entry = (fields: Partial<AuditEntryView>): AuditEntryView => ({
  id: 'e1',
  at: '2026-12-07T10:00:00.000Z',
  actor: { id: 'a1', name: 'Sam', role: 'supervisor' },
  action: 'conversation.reassign',
  target: { kind: 'conversation', id: '64c000000000000000000001' },
  details: {},
  ...fields,
});

describe('the audit log in words', () => {
  it('names the action, the case and the agents instead of showing ids', () => {
    const reassigned = entry({
      details: {
        caseNumber: 'SB-2026-000042',
        fromAgentId: '64b000000000000000000001',
        toAgentId: '64b000000000000000000002',
        idleReason: 'agent-unanswered',
      },
    });
    expect(actionLabel(reassigned.action)).toBe('Reassigned a chat');
    expect(targetLabel(reassigned, names)).toBe('Case SB-2026-000042');
    expect(detailLines(reassigned, names)).toEqual(['From Lei to Mia', 'Why: Agent has not answered']);
  });

  it('shows each changed field as old → new, with names for ids and words for empty values', () => {
    const changed = entry({
      action: 'agent.update',
      target: { kind: 'agent', id: '64b000000000000000000002', name: 'Mia' },
      details: {
        email: 'mia@example.com',
        fields: ['capacity', 'departmentIds', 'avatarUrl'],
        diff: {
          capacity: { from: 3, to: 5 },
          departmentIds: { from: [], to: ['64d000000000000000000001'] },
          avatarUrl: { from: null, to: 'https://example.com/mia.png' },
        },
      },
    });
    expect(targetLabel(changed, names)).toBe('Agent Mia');
    expect(detailLines(changed, names)).toEqual([
      'Capacity: 3 → 5',
      'Departments: — → Phones',
      'Photo: — → https://example.com/mia.png',
      'Email: mia@example.com',
    ]);
    const requeue = entry({
      action: 'department.update',
      target: { kind: 'department', id: '64d000000000000000000001', name: 'Phones' },
      details: {
        name: 'Phones',
        fields: ['autoRequeueSeconds'],
        diff: { autoRequeueSeconds: { from: null, to: 'off' } },
      },
    });
    expect(detailLines(requeue, names)).toEqual(['Requeue a flagged chat after: — → off']);
  });

  it('reads entries written before old values were kept, and unknown actions as they are', () => {
    const old = entry({
      action: 'some.new-thing',
      details: { fields: ['strategy'], changes: { strategy: 'round-robin' } },
    });
    expect(actionLabel(old.action)).toBe('some.new-thing');
    expect(detailLines(old, names)).toEqual(['Changed: Routing']);
  });
});
