import { reportQuerySchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import type { AgentsService } from '../agents/agents.service.js';
import type { AppContext } from '../app-context.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import type { Feature } from '../infra/feature.js';
import { parseInput } from '../infra/validation.js';
import type { TranscriptsService } from '../transcripts/transcripts.service.js';
import { reportCsv } from './report-csv.js';
import { createReportsService, type ReportsService } from './reports.service.js';

/** Reports: per department and per agent figures for a range of days, as JSON or CSV. */
export function createReportsFeature(
  context: AppContext,
  deps: {
    restAuth: RestAuth;
    departments: DepartmentsService;
    agents: AgentsService;
    conversations: ConversationsService;
    transcripts: TranscriptsService;
  },
): { feature: Feature; services: { reports: ReportsService } } {
  const reports = createReportsService(deps);
  const readers = [deps.restAuth.authenticate, deps.restAuth.requireRole('supervisor', 'admin')];
  const routes = Router();

  routes.get('/api/reports', ...readers, async (req, res) => {
    const report = await reports.build(parseInput(reportQuerySchema, req.query));
    res.set('Cache-Control', 'private, no-store').json({ report });
  });

  routes.get('/api/reports.csv', ...readers, async (req, res) => {
    const report = await reports.build(parseInput(reportQuerySchema, req.query));
    res
      .set('Cache-Control', 'private, no-store')
      .type('text/csv; charset=utf-8')
      .attachment(`switchboard-report-${report.from}-to-${report.to}.csv`)
      .send(reportCsv(report));
  });

  return { feature: { name: 'reports', routes }, services: { reports } };
}
