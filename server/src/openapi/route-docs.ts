import type { AgentRole } from '@switchboard/shared';
import {
  agentCreateSchema,
  agentPasswordResetSchema,
  agentUpdateSchema,
  apiTokenCreateSchema,
  articleCreateSchema,
  articleUpdateSchema,
  auditQuerySchema,
  cannedCreateSchema,
  cannedUpdateSchema,
  customerLookupQuerySchema,
  departmentCreateSchema,
  departmentUpdateSchema,
  deskTranscriptSendSchema,
  knowledgeAdminQuerySchema,
  knowledgeQuerySchema,
  reportQuerySchema,
  retentionRunSchema,
  signInSchema,
  visitorBlockSchema,
  webhookDeliveriesQuerySchema,
  webhookEndpointCreateSchema,
  webhookEndpointUpdateSchema,
  widgetSettingsSchema,
  attachmentSettingsSchema,
  fileRulesQuerySchema,
} from '@switchboard/shared/schemas';
import { z } from 'zod';
import { FILE_VARIANTS } from '../attachments/attachment-links.js';
import { fileQuerySchema } from '../attachments/attachments.routes.js';
import { blocksListQuerySchema } from '../blocks/blocks.routes.js';
import { departmentsListQuerySchema } from '../departments/departments.routes.js';
import { ratingFormSchema } from '../feedback/rating-page.routes.js';
import { failedJobsQuerySchema } from '../jobs/jobs.routes.js';

/** Who may call a route: anyone, any signed-in agent, some roles, or whoever holds a link's token. */
export type RouteAccess = 'public' | 'signed-in' | 'link' | readonly AgentRole[];

/**
 * One REST route as the OpenAPI document describes it. The request schemas
 * are the very zod schemas the route parses its input with; path parameters
 * not named in `params` are ids (24 hex characters).
 */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express spelling (`/api/agents/:id`). */
  path: string;
  tag: string;
  summary: string;
  access: RouteAccess;
  params?: Record<string, z.ZodType>;
  query?: z.ZodType;
  body?: z.ZodType;
  /** `form`: an HTML form post (urlencoded); default JSON. */
  bodyType?: 'json' | 'form';
  /** What a success answers: its status, and whether it is JSON, HTML, text or nothing. */
  success?: { status: number; content?: 'json' | 'html' | 'text' | 'javascript' | 'csv' | 'file' | 'none' };
}

const ADMIN: readonly AgentRole[] = ['admin'];
const SUPERVISORS: readonly AgentRole[] = ['supervisor', 'admin'];
const created = { status: 201 } as const;
const noContent = { status: 204, content: 'none' } as const;
const html = { status: 200, content: 'html' } as const;

/** The knowledge base's two kinds share one set of routes (knowledge-admin.routes.ts). */
function knowledgeAdmin(kind: 'canned' | 'articles', create: z.ZodType, update: z.ZodType): RouteDoc[] {
  const what = kind === 'canned' ? 'canned response' : 'article';
  return [
    {
      method: 'get',
      path: `/api/knowledge/admin/${kind}`,
      tag: 'knowledge',
      summary: `Every ${what} with all its language variants`,
      access: SUPERVISORS,
      query: knowledgeAdminQuerySchema,
    },
    {
      method: 'post',
      path: `/api/knowledge/${kind}`,
      tag: 'knowledge',
      summary: `Add a ${what}`,
      access: SUPERVISORS,
      body: create,
      success: created,
    },
    {
      method: 'patch',
      path: `/api/knowledge/${kind}/:id`,
      tag: 'knowledge',
      summary: `Change a ${what}`,
      access: SUPERVISORS,
      body: update,
    },
    {
      method: 'delete',
      path: `/api/knowledge/${kind}/:id`,
      tag: 'knowledge',
      summary: `Archive a ${what}`,
      access: SUPERVISORS,
    },
  ];
}

/** Every route of the server; tests/openapi checks this list against the live Express app. */
export const ROUTE_DOCS: readonly RouteDoc[] = [
  // System
  { method: 'get', path: '/healthz', tag: 'system', summary: 'The process is alive', access: 'public' },
  { method: 'get', path: '/readyz', tag: 'system', summary: 'MongoDB and Redis answer', access: 'public' },
  {
    method: 'get',
    path: '/metrics',
    tag: 'system',
    summary: 'Prometheus metrics',
    access: 'public',
    success: { status: 200, content: 'text' },
  },
  { method: 'get', path: '/api/openapi.json', tag: 'system', summary: 'This document', access: 'public' },
  // Sign-in
  { method: 'post', path: '/api/auth/sign-in', tag: 'auth', summary: 'Sign in', access: 'public', body: signInSchema },
  {
    method: 'post',
    path: '/api/auth/sign-out',
    tag: 'auth',
    summary: 'End this session',
    access: 'signed-in',
    success: noContent,
  },
  { method: 'get', path: '/api/auth/me', tag: 'auth', summary: 'The signed-in agent', access: 'signed-in' },
  // Agents
  { method: 'get', path: '/api/agents', tag: 'agents', summary: 'Every agent', access: SUPERVISORS },
  {
    method: 'post',
    path: '/api/agents',
    tag: 'agents',
    summary: 'Add an agent',
    access: ADMIN,
    body: agentCreateSchema,
    success: created,
  },
  {
    method: 'patch',
    path: '/api/agents/:id',
    tag: 'agents',
    summary: 'Change an agent',
    access: ADMIN,
    body: agentUpdateSchema,
  },
  {
    method: 'post',
    path: '/api/agents/:id/reset-password',
    tag: 'agents',
    summary: "Set an agent's password",
    access: ADMIN,
    body: agentPasswordResetSchema,
    success: noContent,
  },
  // Departments and routing
  {
    method: 'get',
    path: '/api/public/topics',
    tag: 'routing',
    summary: "The pre-chat form's topics",
    access: 'public',
  },
  {
    method: 'get',
    path: '/api/departments',
    tag: 'routing',
    summary: 'Departments and the defaults in force',
    access: SUPERVISORS,
    query: departmentsListQuerySchema,
  },
  { method: 'get', path: '/api/departments/:id', tag: 'routing', summary: 'One department', access: SUPERVISORS },
  {
    method: 'post',
    path: '/api/departments',
    tag: 'routing',
    summary: 'Add a department',
    access: ADMIN,
    body: departmentCreateSchema,
    success: created,
  },
  {
    method: 'patch',
    path: '/api/departments/:id',
    tag: 'routing',
    summary: 'Change a department',
    access: ADMIN,
    body: departmentUpdateSchema,
  },
  { method: 'delete', path: '/api/departments/:id', tag: 'routing', summary: 'Archive a department', access: ADMIN },
  { method: 'get', path: '/api/routing/queues', tag: 'routing', summary: 'Per-queue figures', access: SUPERVISORS },
  // Conversations
  {
    method: 'get',
    path: '/api/conversations/:id/transcripts',
    tag: 'conversations',
    summary: "A conversation's transcript emails",
    access: 'signed-in',
  },
  {
    method: 'post',
    path: '/api/conversations/:id/transcripts',
    tag: 'conversations',
    summary: 'Email the transcript to the customer',
    access: 'signed-in',
    body: deskTranscriptSendSchema,
    success: { status: 202 },
  },
  {
    method: 'get',
    path: '/api/conversations/:id/satisfaction',
    tag: 'conversations',
    summary: "A conversation's rating",
    access: 'signed-in',
  },
  {
    method: 'get',
    path: '/api/conversations/:id/transcript',
    tag: 'conversations',
    summary: 'A conversation with its messages',
    access: 'signed-in',
  },
  {
    method: 'get',
    path: '/api/customers/:id/conversations',
    tag: 'conversations',
    summary: "A customer's conversations",
    access: 'signed-in',
  },
  {
    method: 'post',
    path: '/api/conversations/:id/block',
    tag: 'conversations',
    summary: "Block a conversation's visitor",
    access: 'signed-in',
    body: visitorBlockSchema,
    success: created,
  },
  {
    method: 'get',
    path: '/api/blocks',
    tag: 'conversations',
    summary: 'Blocked visitors and addresses',
    access: SUPERVISORS,
    query: blocksListQuerySchema,
  },
  { method: 'delete', path: '/api/blocks/:id', tag: 'conversations', summary: 'Lift a block', access: SUPERVISORS },
  {
    method: 'get',
    path: '/rate/:conversationId',
    tag: 'conversations',
    summary: 'The rating page of a transcript email',
    access: 'link',
    query: z.object({ token: z.string().min(1).max(64) }),
    success: html,
  },
  {
    method: 'post',
    path: '/rate/:conversationId',
    tag: 'conversations',
    summary: 'Rate a chat from its email',
    access: 'link',
    body: ratingFormSchema,
    bodyType: 'form',
    success: { status: 303, content: 'none' },
  },
  // Desk
  { method: 'get', path: '/api/desk/settings', tag: 'desk', summary: 'Reply SLA colours', access: 'signed-in' },
  {
    method: 'get',
    path: '/api/desk/transfer-targets',
    tag: 'desk',
    summary: 'Where a chat may be transferred: each team with who is online in it and its wait',
    access: 'signed-in',
  },
  {
    method: 'get',
    path: '/api/knowledge/canned',
    tag: 'knowledge',
    summary: 'Canned responses in a language',
    access: 'signed-in',
    query: knowledgeQuerySchema,
  },
  {
    method: 'get',
    path: '/api/knowledge/articles',
    tag: 'knowledge',
    summary: 'Knowledge-base articles, best matches first',
    access: 'signed-in',
    query: knowledgeQuerySchema,
  },
  ...knowledgeAdmin('canned', cannedCreateSchema, cannedUpdateSchema),
  ...knowledgeAdmin('articles', articleCreateSchema, articleUpdateSchema),
  // Supervision and reports
  { method: 'get', path: '/api/supervision/board', tag: 'supervision', summary: 'The live board', access: SUPERVISORS },
  { method: 'get', path: '/api/supervision/idle', tag: 'supervision', summary: 'Idle sessions', access: SUPERVISORS },
  {
    method: 'get',
    path: '/api/idle-conversations',
    tag: 'supervision',
    summary: 'Chats flagged idle',
    access: SUPERVISORS,
  },
  {
    method: 'get',
    path: '/api/audit',
    tag: 'supervision',
    summary: 'The audit log',
    access: SUPERVISORS,
    query: auditQuerySchema,
  },
  {
    method: 'get',
    path: '/api/reports',
    tag: 'reports',
    summary: 'Reports for a date range',
    access: SUPERVISORS,
    query: reportQuerySchema,
  },
  {
    method: 'get',
    path: '/api/reports.csv',
    tag: 'reports',
    summary: 'The same report as CSV',
    access: SUPERVISORS,
    query: reportQuerySchema,
    success: { status: 200, content: 'csv' },
  },
  // Jobs
  {
    method: 'get',
    path: '/api/admin/jobs/failed',
    tag: 'jobs',
    summary: 'Failed background jobs',
    access: ADMIN,
    query: failedJobsQuerySchema,
  },
  {
    method: 'post',
    path: '/api/admin/jobs/:queue/:id/retry',
    tag: 'jobs',
    summary: 'Run a failed job again',
    access: ADMIN,
    params: { queue: z.string().max(64), id: z.string().min(1).max(200) },
    success: noContent,
  },
  // Widget
  {
    method: 'get',
    path: '/api/public/widget-settings',
    tag: 'widget',
    summary: "The widget's public settings",
    access: 'public',
  },
  { method: 'get', path: '/api/widget-settings', tag: 'widget', summary: 'Widget settings', access: SUPERVISORS },
  {
    method: 'put',
    path: '/api/widget-settings',
    tag: 'widget',
    summary: 'Replace the widget settings',
    access: ADMIN,
    body: widgetSettingsSchema,
  },
  {
    method: 'get',
    path: '/widget/loader.js',
    tag: 'widget',
    summary: 'The embed script',
    access: 'public',
    success: { status: 200, content: 'javascript' },
  },
  ...['/widget', '/widget/', '/widget/index.html'].map((path): RouteDoc => ({
    method: 'get',
    path,
    tag: 'widget',
    summary: "The chat app inside the widget's frame",
    access: 'public',
    success: html,
  })),
  { method: 'get', path: '/demo', tag: 'widget', summary: 'A demo support page', access: 'public', success: html },
  // The agent app
  ...['/agent', '/agent/', '/agent/index.html'].map((path): RouteDoc => ({
    method: 'get',
    path,
    tag: 'agent-app',
    summary: 'The agent desk',
    access: 'public',
    success: html,
  })),
  {
    method: 'get',
    path: '/agent/{*rest}',
    tag: 'agent-app',
    summary: 'The agent desk at any of its paths (reloads)',
    access: 'public',
    params: { rest: z.string() },
    success: html,
  },
  // Data protection
  {
    method: 'get',
    path: '/api/data-protection/customers',
    tag: 'data-protection',
    summary: 'Customers who gave an email address',
    access: ADMIN,
    query: customerLookupQuerySchema,
  },
  {
    method: 'get',
    path: '/api/data-protection/customers/:id/export',
    tag: 'data-protection',
    summary: 'Everything stored about a customer, as JSON',
    access: ADMIN,
  },
  {
    method: 'post',
    path: '/api/data-protection/customers/:id/erase',
    tag: 'data-protection',
    summary: "Erase a customer's data",
    access: ADMIN,
  },
  {
    method: 'get',
    path: '/api/data-protection/retention',
    tag: 'data-protection',
    summary: 'What the retention policy would change now (dry run)',
    access: ADMIN,
  },
  {
    method: 'post',
    path: '/api/data-protection/retention/run',
    tag: 'data-protection',
    summary: 'Apply the retention policy now (or count, with dryRun)',
    access: ADMIN,
    body: retentionRunSchema,
  },
  // API tokens
  {
    method: 'get',
    path: '/api/api-tokens',
    tag: 'api-tokens',
    summary: 'API tokens (never the tokens)',
    access: ADMIN,
  },
  {
    method: 'post',
    path: '/api/api-tokens',
    tag: 'api-tokens',
    summary: 'Create an API token (the token is in this answer only)',
    access: ADMIN,
    body: apiTokenCreateSchema,
    success: created,
  },
  { method: 'delete', path: '/api/api-tokens/:id', tag: 'api-tokens', summary: 'Revoke an API token', access: ADMIN },
  // Webhooks
  { method: 'get', path: '/api/webhooks', tag: 'webhooks', summary: 'Webhook endpoints', access: ADMIN },
  {
    method: 'post',
    path: '/api/webhooks',
    tag: 'webhooks',
    summary: 'Add an endpoint (its secret is in this answer only)',
    access: ADMIN,
    body: webhookEndpointCreateSchema,
    success: created,
  },
  {
    method: 'patch',
    path: '/api/webhooks/:id',
    tag: 'webhooks',
    summary: 'Change an endpoint',
    access: ADMIN,
    body: webhookEndpointUpdateSchema,
  },
  {
    method: 'delete',
    path: '/api/webhooks/:id',
    tag: 'webhooks',
    summary: 'Delete an endpoint',
    access: ADMIN,
    success: noContent,
  },
  {
    method: 'post',
    path: '/api/webhooks/:id/rotate-secret',
    tag: 'webhooks',
    summary: 'A new signing secret',
    access: ADMIN,
  },
  {
    method: 'get',
    path: '/api/webhooks/:id/deliveries',
    tag: 'webhooks',
    summary: "An endpoint's delivery log",
    access: ADMIN,
    query: webhookDeliveriesQuerySchema,
  },
  {
    method: 'post',
    path: '/api/webhooks/:id/deliveries/:deliveryId/redeliver',
    tag: 'webhooks',
    summary: 'Send a delivery again',
    access: ADMIN,
    params: { deliveryId: z.uuid() },
    success: { status: 202 },
  },
  {
    method: 'put',
    path: '/api/uploads/:ticket',
    tag: 'files',
    summary: "A file's bytes, streamed as the request body, to the link attachment.prepare gave",
    access: 'link',
    params: { ticket: z.string().min(1).max(2000) },
    success: created,
  },
  {
    method: 'get',
    path: '/api/files/:id/:variant',
    tag: 'files',
    summary: 'A file or its thumbnail, through a signed link',
    access: 'link',
    params: { variant: z.enum(FILE_VARIANTS) },
    query: fileQuerySchema,
    success: { status: 200, content: 'file' },
  },
  {
    method: 'get',
    path: '/api/conversations/:id/files',
    tag: 'files',
    summary: 'The messages of a conversation that carry a file, newest first (notes too)',
    access: 'signed-in',
  },
  {
    method: 'get',
    path: '/api/public/file-rules',
    tag: 'files',
    summary: "Whether customers may send files in a department's chats (the widget's attach button)",
    access: 'public',
    query: fileRulesQuerySchema,
  },
  {
    method: 'get',
    path: '/api/attachment-settings',
    tag: 'files',
    summary: 'File rules: size limit, types, retention, departments without customer files',
    access: SUPERVISORS,
  },
  {
    method: 'put',
    path: '/api/attachment-settings',
    tag: 'files',
    summary: 'Replace the file rules (audited)',
    access: ADMIN,
    body: attachmentSettingsSchema,
  },
];
