import { createAgentAppFeature } from './agent-app/agent-app.feature.js';
import { createAgentsFeature } from './agents/agents.feature.js';
import type { AppContext } from './app-context.js';
import { createAuditFeature } from './audit/audit.feature.js';
import { createMessagingFeature } from './conversations/messaging.feature.js';
import { createDepartmentsFeature } from './departments/departments.feature.js';
import { createFeedbackFeature } from './feedback/feedback.feature.js';
import type { Feature } from './infra/feature.js';
import { createJobsFeature } from './jobs/jobs.feature.js';
import { createKnowledgeFeature } from './knowledge/knowledge.feature.js';
import { systemClock } from './routing/clock.js';
import { createRoutingFeature } from './routing/routing.feature.js';
import { createSystemFeature } from './system/system.feature.js';
import { createWidgetFeature } from './widget/widget.feature.js';

/**
 * The composition root: every feature of the server, in mount order. A
 * feature that needs another's service receives it here as an argument, and
 * the services are returned for tests, workers and the CLI.
 */
export function createFeatures(context: AppContext, isAccepting: () => boolean) {
  const system = createSystemFeature(context, isAccepting);
  const agents = createAgentsFeature(context);
  const audit = createAuditFeature(context, { restAuth: agents.services.restAuth });
  // Routing and business hours read this clock; tests move it (services.clock).
  const clock = systemClock();
  const departments = createDepartmentsFeature(context, { restAuth: agents.services.restAuth, clock });
  const messaging = createMessagingFeature(context, {
    agentView: (id) => agents.services.agents.getView(id),
    departmentFor: (topic) => departments.services.departments.departmentFor(topic),
  });
  const routing = createRoutingFeature(context, {
    clock,
    agents: agents.services.agents,
    restAuth: agents.services.restAuth,
    departments: departments.services.departments,
    messaging: messaging.services,
    // offlineReply: the jobs feature's transcript mailer goes here (W5 email replies).
  });
  // Department thresholds and department names join here once departments carry idle settings.
  const jobs = createJobsFeature(context, {
    restAuth: agents.services.restAuth,
    ...messaging.services,
    requeue: (conversation) => routing.services.routing.requeue(conversation),
  });
  const widget = createWidgetFeature(context);
  const knowledge = createKnowledgeFeature(context, { restAuth: agents.services.restAuth });
  const agentApp = createAgentAppFeature(context, {
    restAuth: agents.services.restAuth,
    ...messaging.services,
    departments: departments.services.departments,
    agents: agents.services.agents,
  });
  const feedback = createFeedbackFeature(context, { conversations: messaging.services.conversations });
  const features: Feature[] = [
    system,
    agents.feature,
    messaging.feature,
    widget,
    knowledge.feature,
    agentApp,
    jobs.feature,
    departments.feature,
    routing.feature,
    feedback.feature,
    audit.feature,
  ];
  return {
    features,
    services: {
      ...agents.services,
      ...messaging.services,
      ...knowledge.services,
      ...jobs.services,
      ...departments.services,
      ...routing.services,
      ...feedback.services,
      ...audit.services,
      clock,
    },
  };
}

export type Services = ReturnType<typeof createFeatures>['services'];
