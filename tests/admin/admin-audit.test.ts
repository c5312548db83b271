import { describe, expect, it } from 'vitest';
import { useAdminServer } from './admin-support.js';

describe('agent and department administration is audited and admin-only', () => {
  const { call, auditFor } = useAdminServer(import.meta.filename);

  it('records who changed which agent fields, never the password', async () => {
    const password = 'a-very-secret-password-1';
    const created = await call('admin', 'POST', '/api/agents', {
      email: 'new.hire@example.com',
      password,
      displayName: 'New Hire',
      capacity: 2,
    });
    expect(created.status).toBe(201);
    const id = (created.body.agent as { id: string }).id;
    expect((await call('admin', 'PATCH', `/api/agents/${id}`, { capacity: 4, languages: ['en', 'fr'] })).status).toBe(
      200,
    );
    expect(
      (await call('admin', 'POST', `/api/agents/${id}/reset-password`, { password: 'another-secret-password' })).status,
    ).toBe(204);
    expect((await call('admin', 'PATCH', `/api/agents/${id}`, { active: false })).status).toBe(200);

    const entries = await auditFor(id);
    expect(entries.map((e) => e.action)).toEqual([
      'agent.deactivate',
      'agent.reset-password',
      'agent.update',
      'agent.create',
    ]);
    expect(entries.every((e) => e.actor.name === 'Ada Admin')).toBe(true);
    expect(entries[2]!.details).toMatchObject({
      fields: expect.arrayContaining(['capacity', 'languages']),
      // Old → new, so the log reads as a change, not a list of fields.
      diff: { capacity: { from: 2, to: 4 } },
    });
    expect(entries[2]!.target).toMatchObject({ kind: 'agent', id, name: expect.any(String) });
    expect(entries[3]!.details).toMatchObject({ email: 'new.hire@example.com', capacity: 2 });
    const serialised = JSON.stringify(entries);
    expect(serialised).not.toContain(password);
    expect(serialised).not.toContain('another-secret-password');
    expect(serialised).not.toContain('"password"');
  });

  it('records department create, update and archive', async () => {
    const created = await call('admin', 'POST', '/api/departments', { name: 'Returns', languages: ['en'] });
    expect(created.status).toBe(201);
    const id = (created.body.department as { id: string }).id;
    expect((await call('admin', 'PATCH', `/api/departments/${id}`, { strategy: 'round-robin' })).status).toBe(200);
    expect((await call('admin', 'DELETE', `/api/departments/${id}`)).status).toBe(200);
    const entries = await auditFor(id);
    expect(entries.map((e) => e.action)).toEqual(['department.archive', 'department.update', 'department.create']);
    expect(entries[1]!.details).toMatchObject({
      name: 'Returns',
      fields: ['strategy'],
      diff: { strategy: { from: 'least-loaded', to: 'round-robin' } },
    });
    expect(entries.map((e) => e.target.name)).toEqual(['Returns', 'Returns', 'Returns']);
  });

  it('refuses agent and department changes to supervisors and agents, and records nothing', async () => {
    const target = (await call('admin', 'POST', '/api/departments', { name: 'Untouched' })).body.department as {
      id: string;
    };
    for (const role of ['supervisor', 'agent'] as const) {
      for (const [method, path, body] of [
        ['POST', '/api/agents', { email: 'x@example.com', password: 'long-enough-password', displayName: 'X' }],
        ['POST', '/api/departments', { name: 'Nope' }],
        ['PATCH', `/api/departments/${target.id}`, { name: 'Changed' }],
        ['DELETE', `/api/departments/${target.id}`, undefined],
      ] as const) {
        const answer = await call(role, method, path, body);
        expect(answer, `${method} ${path}`).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
      }
    }
    expect((await auditFor(target.id)).map((e) => e.action)).toEqual(['department.create']);
    const department = (await call('admin', 'GET', `/api/departments/${target.id}`)).body.department;
    expect(department).toMatchObject({ name: 'Untouched', archived: false });
  });
});
