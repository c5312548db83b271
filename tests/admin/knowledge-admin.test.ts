import type { CannedAdminView, CannedResponseView, KbArticleView } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { TestAgentDesk } from '../support/agent-desk.js';
import { useAdminServer } from './admin-support.js';

describe('administration of canned responses and articles', () => {
  const { call, auditFor, server } = useAdminServer(import.meta.filename);
  const deskCanned = async (locale: string) =>
    (await call('agent', 'GET', `/api/knowledge/canned?locale=${locale}`)).body.canned as CannedResponseView[];

  it('creates, changes, archives and restores a canned response; the desk sees each change at once', async () => {
    const created = await call('admin', 'POST', '/api/knowledge/canned', {
      shortcut: 'refund-window',
      variants: [
        { locale: 'en', title: 'Refund window', body: 'You can return it within {{days|14}} days.' },
        { locale: 'fr', title: 'Délai de retour', body: 'Vous pouvez le retourner sous 14 jours.' },
      ],
    });
    expect(created.status).toBe(201);
    const canned = created.body.canned as CannedAdminView;
    expect(canned).toMatchObject({ shortcut: 'refund-window', archived: false });
    expect((await deskCanned('fr')).find((c) => c.shortcut === 'refund-window')).toMatchObject({
      locale: 'fr',
      title: 'Délai de retour',
    });

    const changed = await call('supervisor', 'PATCH', `/api/knowledge/canned/${canned.id}`, {
      shortcut: 'returns',
      variants: [{ locale: 'en', title: 'Returns', body: 'Returns are free for 30 days.' }],
    });
    expect(changed.status).toBe(200);
    const desk = await deskCanned('fr');
    expect(desk.find((c) => c.shortcut === 'refund-window')).toBeUndefined();
    expect(desk.find((c) => c.shortcut === 'returns')).toMatchObject({
      locale: 'en',
      body: 'Returns are free for 30 days.',
    });

    expect((await call('admin', 'DELETE', `/api/knowledge/canned/${canned.id}`)).status).toBe(200);
    expect((await deskCanned('en')).find((c) => c.shortcut === 'returns')).toBeUndefined();
    const adminList = await call('admin', 'GET', '/api/knowledge/admin/canned?archived=true');
    expect((adminList.body.canned as CannedAdminView[]).find((c) => c.id === canned.id)).toMatchObject({
      archived: true,
    });
    // The archived one keeps its shortcut: creating another with it is a conflict, restoring works.
    const clash = await call('admin', 'POST', '/api/knowledge/canned', {
      shortcut: 'returns',
      variants: [{ locale: 'en', title: 'x', body: 'y' }],
    });
    expect(clash).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect((await call('admin', 'PATCH', `/api/knowledge/canned/${canned.id}`, { archived: false })).status).toBe(200);
    expect((await deskCanned('en')).find((c) => c.shortcut === 'returns')).toBeDefined();

    const entries = await auditFor(canned.id);
    expect(entries.map((e) => e.action)).toEqual([
      'canned.restore',
      'canned.archive',
      'canned.update',
      'canned.create',
    ]);
    expect(entries[3]).toMatchObject({
      actor: { name: 'Ada Admin', role: 'admin' },
      target: { kind: 'canned', id: canned.id },
      details: { shortcut: 'refund-window', locales: ['en', 'fr'] },
    });
    expect(entries[2]!.details).toMatchObject({
      shortcut: 'returns',
      previous: 'refund-window',
      fields: ['shortcut', 'variants'],
    });
  });

  it('creates and edits an article with locales; suggestions find it by its new keywords', async () => {
    const created = await call('admin', 'POST', '/api/knowledge/articles', {
      slug: 'frobnicator-reset',
      variants: [
        {
          locale: 'en',
          title: 'Reset the Frobnicator',
          summary: 'Hold the button for ten seconds.',
          url: 'https://support.example.com/frobnicator-reset',
          keywords: ['frobnicator'],
        },
      ],
    });
    expect(created.status).toBe(201);
    const id = (created.body.article as { id: string }).id;
    const search = async (q: string) =>
      (await call('agent', 'GET', `/api/knowledge/articles?locale=en&q=${q}`)).body.articles as KbArticleView[];
    expect((await search('frobnicator')).map((a) => a.slug)).toContain('frobnicator-reset');

    const edited = await call('admin', 'PATCH', `/api/knowledge/articles/${id}`, {
      variants: [
        {
          locale: 'en',
          title: 'Reset the Quuxinator',
          summary: 'Hold the button for ten seconds.',
          url: 'https://support.example.com/quux',
          keywords: ['quuxinator'],
        },
      ],
    });
    expect(edited.status).toBe(200);
    expect((await search('quuxinator')).map((a) => a.slug)).toContain('frobnicator-reset');
    expect((await auditFor(id)).map((e) => e.action)).toEqual(['article.update', 'article.create']);
  });

  it('refuses bad input with typed errors and changes nothing', async () => {
    const before = await call('admin', 'GET', '/api/knowledge/admin/canned?archived=true');
    const badBodies = [
      { shortcut: 'Bad Shortcut', variants: [{ locale: 'en', title: 't', body: 'b' }] },
      { shortcut: 'ok-one', variants: [] },
      { shortcut: 'ok-one', variants: [{ locale: 'xx', title: 't', body: 'b' }] },
      { shortcut: 'ok-one', variants: [{ locale: 'en', title: '', body: 'b' }] },
      {
        shortcut: 'ok-one',
        variants: [
          { locale: 'en', title: 't', body: 'b' },
          { locale: 'en', title: 't2', body: 'b2' },
        ],
      },
      { shortcut: { $ne: null }, variants: [{ locale: 'en', title: 't', body: 'b' }] },
      { shortcut: 'ok-one', variants: [{ locale: 'en', title: 't', body: 'b' }], extra: true },
    ];
    for (const body of badBodies) {
      const answer = await call('admin', 'POST', '/api/knowledge/canned', body);
      expect(answer, JSON.stringify(body)).toMatchObject({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED' } },
      });
    }
    const badArticle = await call('admin', 'POST', '/api/knowledge/articles', {
      slug: 'x-y',
      variants: [{ locale: 'en', title: 't', summary: 's', url: 'javascript:alert(1)' }],
    });
    expect(badArticle).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });

    const someId = (before.body.canned as CannedAdminView[])[0]!.id;
    for (const [path, body] of [
      [`/api/knowledge/canned/${someId}`, {}],
      [`/api/knowledge/canned/${someId}`, { archived: 'yes' }],
      ['/api/knowledge/canned/not-an-id', { archived: true }],
    ] as const) {
      const answer = await call('admin', 'PATCH', path, body);
      expect(answer, path).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    }
    const missing = await call('admin', 'PATCH', '/api/knowledge/canned/0123456789abcdef01234567', { archived: true });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    const taken = (before.body.canned as CannedAdminView[])[1]!.shortcut;
    const rename = await call('admin', 'PATCH', `/api/knowledge/canned/${someId}`, { shortcut: taken });
    expect(rename).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });

    const after = await call('admin', 'GET', '/api/knowledge/admin/canned?archived=true');
    expect(after.body.canned).toEqual(before.body.canned);
  });

  it('lets supervisors edit content but refuses agents with FORBIDDEN', async () => {
    const body = { shortcut: 'agent-try', variants: [{ locale: 'en', title: 't', body: 'b' }] };
    for (const [method, path] of [
      ['GET', '/api/knowledge/admin/canned'],
      ['POST', '/api/knowledge/canned'],
      ['PATCH', '/api/knowledge/canned/0123456789abcdef01234567'],
      ['DELETE', '/api/knowledge/canned/0123456789abcdef01234567'],
      ['GET', '/api/knowledge/admin/articles'],
      ['POST', '/api/knowledge/articles'],
    ] as const) {
      const answer = await call('agent', method, path, method === 'GET' || method === 'DELETE' ? undefined : body);
      expect(answer, `${method} ${path}`).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    }
    expect((await deskCanned('en')).find((c) => c.shortcut === 'agent-try')).toBeUndefined();
    expect((await call('supervisor', 'POST', '/api/knowledge/canned', body)).status).toBe(201);
  });

  it('tells every open desk when canned responses or articles change, and only then', async () => {
    const desk = await TestAgentDesk.open(server(), { displayName: 'Olga' });
    const pushes = () => desk.events.filter((e) => e.event === 'knowledge.changed').map((e) => e.payload);
    const created = await call('supervisor', 'POST', '/api/knowledge/canned', {
      shortcut: 'pushed',
      variants: [{ locale: 'en', title: 'Pushed', body: 'Hello.' }],
    });
    expect(created.status).toBe(201);
    await expect.poll(pushes).toEqual([{ kind: 'canned' }]);

    // Saving what is already stored changes nothing, so nothing is pushed.
    const id = (created.body.canned as CannedAdminView).id;
    const same = await call('supervisor', 'PATCH', `/api/knowledge/canned/${id}`, { shortcut: 'pushed' });
    expect(same.status).toBe(200);
    const article = await call('admin', 'POST', '/api/knowledge/articles', {
      slug: 'pushed-article',
      variants: [{ locale: 'en', title: 'Pushed', summary: 'Hello.', url: 'https://help.example/pushed' }],
    });
    expect(article.status).toBe(201);
    await expect.poll(pushes).toEqual([{ kind: 'canned' }, { kind: 'article' }]);
    desk.disconnect();
  });
});
