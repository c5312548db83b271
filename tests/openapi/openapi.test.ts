import { Validator } from '@seriousme/openapi-schema-validator';
import { agentCreateSchema, webhookEndpointCreateSchema } from '@switchboard/shared/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRoutes } from '../security/app-routes.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  security?: unknown[];
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

/** Express's `/a/:id` and `/agent/{*rest}` as OpenAPI writes them. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}').replace(/\{\*([A-Za-z]+)\}/g, '{$1}');

describe('GET /api/openapi.json', () => {
  let server: TestServer;
  let doc: Document;

  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    doc = (await response.json()) as Document;
  });
  afterAll(() => server.stop());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate({ ...doc });
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const ids = Object.values(doc.paths).flatMap((operations) =>
      Object.values(operations).map((operation) => (operation as { operationId: string }).operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes every route of the live Express app, and no route it does not have', () => {
    const live = appRoutes(server).map((route) => `${route.method} ${openApiPath(route.path)}`);
    expect(live.length).toBeGreaterThan(40);
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(live.filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !live.includes(route))).toEqual([]);
  });

  it('takes request bodies, queries and ids from the zod schemas the routes validate with', () => {
    const asJson = (schema: z.ZodType) => {
      const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
      return rest;
    };
    expect(doc.paths['/api/agents']!.post!.requestBody!.content['application/json']!.schema).toEqual(
      asJson(agentCreateSchema),
    );
    expect(doc.paths['/api/webhooks']!.post!.requestBody!.content['application/json']!.schema).toEqual(
      asJson(webhookEndpointCreateSchema),
    );
    const audit = doc.paths['/api/audit']!.get!;
    expect(audit.parameters?.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['actorId', 'action', 'before', 'limit']),
    );
    const patch = doc.paths['/api/agents/{id}']!.patch!;
    expect(patch.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
    // Public routes need nothing; the others name how to authenticate.
    expect(doc.paths['/healthz']!.get!.security).toEqual([]);
    expect(patch.security?.length).toBeGreaterThan(0);
  });
});
