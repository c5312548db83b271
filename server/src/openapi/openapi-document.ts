import { ERROR_CODES, type ErrorCode } from '@switchboard/shared';
import { objectIdSchema } from '@switchboard/shared/schemas';
import { z } from 'zod';
import { scopeOfRoute } from '../api-tokens/route-scopes.js';
import { ROUTE_DOCS, type RouteAccess, type RouteDoc } from './route-docs.js';

type JsonSchema = Record<string, unknown>;

/** A request schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as clients send it (before defaults apply). */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
}

const errorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    retryable: z.boolean(),
    details: z.unknown().optional(),
  }),
});

/** `/api/agents/:id` → `/api/agents/{id}`; Express 5's `{*rest}` wildcard → `{rest}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}').replace(/\{\*([A-Za-z]+)\}/g, '{$1}');
}

const pathParamNames = (path: string) =>
  [...toOpenApiPath(path).matchAll(/\{([A-Za-z]+)\}/g)].flatMap((match) => (match[1] ? [match[1]] : []));

function queryParameters(query: z.ZodType | undefined) {
  if (!query) return [];
  const schema = jsonSchema(query) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

function security(route: RouteDoc) {
  if (route.access === 'public' || route.access === 'link') return [];
  return scopeOfRoute(route.method, route.path) ? [{ session: [] }, { apiToken: [] }] : [{ session: [] }];
}

function accessText(access: RouteAccess): string {
  if (access === 'public') return 'Anyone.';
  if (access === 'link') return "Whoever holds the link's token (from the transcript email).";
  if (access === 'signed-in') return 'A signed-in agent (the route checks which conversations they may see).';
  return `Signed-in agents with the role ${access.join(' or ')}.`;
}

const MEDIA = {
  json: 'application/json',
  html: 'text/html',
  text: 'text/plain',
  javascript: 'text/javascript',
  csv: 'text/csv',
  file: 'application/octet-stream',
} as const;

/** `get /api/agents/{id}` → `getApiAgentsId`; a trailing slash is a route of its own (`getWidgetSlash`). */
function operationId(route: RouteDoc): string {
  const path = toOpenApiPath(route.path).replace(/\/$/, '/slash');
  return `${route.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`;
}

function operation(route: RouteDoc) {
  const params = pathParamNames(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: jsonSchema(route.params?.[name] ?? objectIdSchema),
  }));
  const success = route.success ?? { status: 200 };
  const content = success.content ?? 'json';
  return {
    operationId: operationId(route),
    summary: route.summary,
    description: accessText(route.access),
    tags: [route.tag],
    security: security(route),
    ...(scopeOfRoute(route.method, route.path)
      ? { 'x-switchboard-token-scope': scopeOfRoute(route.method, route.path) }
      : {}),
    ...(Array.isArray(route.access) ? { 'x-switchboard-roles': route.access } : {}),
    parameters: [...params, ...queryParameters(route.query)],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              [route.bodyType === 'form' ? 'application/x-www-form-urlencoded' : 'application/json']: {
                schema: jsonSchema(route.body),
              },
            },
          },
        }
      : {}),
    responses: {
      [String(success.status)]: {
        description: route.summary,
        ...(content === 'none' ? {} : { content: { [MEDIA[content]]: { schema: {} } } }),
      },
      default: {
        description: 'A typed error: `code` is stable API (see `shared/src/errors.ts`).',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
}

/** The OpenAPI 3.1 document of every REST route, built from the routes' own zod schemas. */
export function buildOpenApiDocument(options: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTE_DOCS) {
    const path = toOpenApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Switchboard REST API',
      version: options.version,
      description:
        'Every REST route of the server. Agents authenticate with the session cookie of `POST /api/auth/sign-in`; ' +
        'state-changing calls from a browser also need an allowed `Origin` and the `X-CSRF-Token` header. ' +
        'Real-time events are on Socket.IO, listed in docs/protocol.md.',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema) },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'sb_session' },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API token made by an admin (`POST /api/api-tokens`), for the routes that name a scope in `x-switchboard-token-scope`.',
        },
      },
    },
  };
}
