import { localizedName } from '@switchboard/shared/i18n';
import { createAgentAppFeature } from './agent-app/agent-app.feature.js';
import { createAgentsFeature } from './agents/agents.feature.js';
import { createAttachmentLinks } from './attachments/attachment-links.js';
import { createAttachmentsFeature } from './attachments/attachments.feature.js';
import { createLinkSigner } from './attachments/link-signer.js';
import { storeFromConfig } from './attachments/store-from-config.js';
import type { AppContext } from './app-context.js';
import { createAuditFeature } from './audit/audit.feature.js';
import { createBlocksFeature } from './blocks/blocks.feature.js';
import { createMessagingFeature } from './conversations/messaging.feature.js';
import { createDataProtectionFeature } from './data-protection/data-protection.feature.js';
import { createDepartmentsFeature } from './departments/departments.feature.js';
import { createFeedbackFeature } from './feedback/feedback.feature.js';
import { departmentIdleLookup } from './jobs/idle-thresholds.js';
import { createJobsFeature } from './jobs/jobs.feature.js';
import { createKnowledgeFeature } from './knowledge/knowledge.feature.js';
import { createOpenApiFeature } from './openapi/openapi.feature.js';
import { systemClock } from './routing/clock.js';
import { createRoutingFeature } from './routing/routing.feature.js';
import { createReportsFeature } from './reports/reports.feature.js';
import { createSupervisionFeature } from './supervision/supervision.feature.js';
import { createSystemFeature } from './system/system.feature.js';
import { createWebhooksFeature } from './webhooks/webhooks.feature.js';
import { createWidgetFeature } from './widget/widget.feature.js';

/**
 * The composition root: every feature of the server, in mount order. A
 * feature that needs another's service receives it here as an argument, and
 * the services are returned for tests, workers and the CLI.
 */
export function createFeatures(context: AppContext, isAccepting: () => boolean) {
  const system = createSystemFeature(context, isAccepting);
  const agents = createAgentsFeature(context, {
    audit: () => audit.services.audit,
    conversations: () => messaging.services.conversations,
  });
  const audit = createAuditFeature(context, { restAuth: agents.services.restAuth });
  // Routing and business hours read this clock; tests move it (services.clock).
  const clock = systemClock();
  const departments = createDepartmentsFeature(context, {
    restAuth: agents.services.restAuth,
    clock,
    audit: audit.services.audit,
    agents: agents.services.agents,
  });
  // Messages show their files with signed links, so the signer exists before messaging.
  const linkSigner = createLinkSigner(context.mongo);
  const attachmentLinks = createAttachmentLinks(linkSigner, {
    appTtlMs: context.config.ATTACHMENT_LINK_TTL,
    emailTtlMs: context.config.ATTACHMENT_EMAIL_LINK_TTL,
  });
  // A customer's data export links their files for longer than an email does: the same signer and
  // download route, another lifetime (the route checks the signature and the expiry, not how it was chosen).
  const exportLinks = createAttachmentLinks(linkSigner, {
    appTtlMs: context.config.ATTACHMENT_LINK_TTL,
    emailTtlMs: context.config.DATA_EXPORT_LINK_TTL,
  });
  const messaging = createMessagingFeature(context, {
    attachmentView: (ref) => attachmentLinks.view(ref),
    agentView: (id) => agents.services.agents.getView(id),
    departmentFor: (topic) => departments.services.departments.departmentFor(topic),
    // Routing is created below; this runs only when a chat starts.
    teamAway: (departmentId) => routing.services.routing.teamAway(departmentId),
    // The widget feature is created below; this runs only once sockets connect.
    widgetOrigins: () => widget.services.widgetSettings.allowedOrigins(),
    requiredPrechatFields: () => widget.services.widgetSettings.requiredPrechatFields(),
  });
  const routing = createRoutingFeature(context, {
    clock,
    agents: agents.services.agents,
    restAuth: agents.services.restAuth,
    departments: departments.services.departments,
    messaging: messaging.services,
    // Replies to messages left offline are emailed by the jobs feature's transcript mailer
    // (created just below; called later).
    offlineReply: (conversation, message) => jobs.services.transcripts.offlineReply(conversation, message),
  });
  const departmentsService = departments.services.departments;
  const jobs = createJobsFeature(context, {
    restAuth: agents.services.restAuth,
    ...messaging.services,
    requeue: (conversation) => routing.services.routing.requeue(conversation),
    // Read at every reschedule and wake-up: an admin's change applies without a restart.
    departmentIdleSettings: departmentIdleLookup((id) => departmentsService.get(id)),
    departmentName: async (id, locale) => {
      const department = await departmentsService.get(id);
      return department ? localizedName(department.names, locale, department.name) : null;
    },
    // The widget feature is created below; this runs only when an email is sent.
    brandName: () => widget.services.widgetSettings.brandName(),
    onDepartmentChanged: (listener) => departmentsService.onChanged(listener),
    fileLinks: {
      link: (ref) => `${context.publicUrl()}${attachmentLinks.emailLink(ref.id)}`,
      until: () => new Date(Date.now() + context.config.ATTACHMENT_EMAIL_LINK_TTL),
    },
  });
  // One store for the files, so that data protection erases from where attachments write.
  const fileStore = storeFromConfig(context.config, context.mongo);
  const attachments = createAttachmentsFeature(context, {
    files: fileStore,
    signer: linkSigner,
    links: attachmentLinks,
    conversations: messaging.services.conversations,
    messages: messaging.services.messages,
    restAuth: agents.services.restAuth,
    audit: audit.services.audit,
  });
  const widget = createWidgetFeature(context, { restAuth: agents.services.restAuth, audit: audit.services.audit });
  const knowledge = createKnowledgeFeature(context, {
    restAuth: agents.services.restAuth,
    audit: audit.services.audit,
  });
  const agentApp = createAgentAppFeature(context, {
    restAuth: agents.services.restAuth,
    ...messaging.services,
    departments: departments.services.departments,
    agents: agents.services.agents,
    transcripts: jobs.services.transcripts,
    queues: {
      onChanged: (listener) => routing.services.routing.push.onScheduled(listener),
      entriesOf: async (key) => {
        const snapshot = await routing.services.routing.snapshots.load(key, { shared: true });
        return snapshot ? routing.services.routing.snapshots.entriesOf(snapshot) : null;
      },
      transferDepartments: (viewerId) => routing.services.routing.transferTargets(viewerId),
    },
  });
  const blocks = createBlocksFeature(context, {
    restAuth: agents.services.restAuth,
    audit: audit.services.audit,
    conversations: messaging.services.conversations,
  });
  const feedback = createFeedbackFeature(context, {
    conversations: messaging.services.conversations,
    hooks: messaging.services.hooks,
    ratingLinks: jobs.services.ratingLinks,
  });
  const supervision = createSupervisionFeature(context, {
    agents: agents.services.agents,
    restAuth: agents.services.restAuth,
    messaging: messaging.services,
    routing: routing.services.routing,
    idleFlags: jobs.services.idleFlags,
    audit: audit.services.audit,
    willEmailTranscript: (conversation) => jobs.services.transcripts.willEmailOnClose(conversation),
  });
  const reports = createReportsFeature(context, {
    restAuth: agents.services.restAuth,
    departments: departments.services.departments,
    agents: agents.services.agents,
    conversations: messaging.services.conversations,
    transcripts: jobs.services.transcripts,
  });
  const webhooks = createWebhooksFeature(context, {
    restAuth: agents.services.restAuth,
    audit: audit.services.audit,
    hooks: messaging.services.hooks,
  });
  const dataProtection = createDataProtectionFeature(context, {
    restAuth: agents.services.restAuth,
    audit: audit.services.audit,
    customers: messaging.services.customers,
    conversations: messaging.services.conversations,
    messages: messaging.services.messages,
    transcripts: jobs.services.transcripts,
    ratingLinks: jobs.services.ratingLinks,
    attachments: attachments.services.attachments,
    blocks: blocks.services.blocks,
    webhooks: webhooks.services.webhooks,
    forgetQueuedJobs: (customerId) => webhooks.services.webhooks.forgetCustomerJobs(customerId),
    store: fileStore.store,
    exportLink: (fileId) => ({
      url: `${context.publicUrl()}${exportLinks.emailLink(fileId)}`,
      expiresAt: new Date(Date.now() + context.config.DATA_EXPORT_LINK_TTL).toISOString(),
    }),
  });
  // A tuple (`as const`): mountSocketFeatures checks from it that each client event has one handler.
  const features = [
    system,
    agents.feature,
    messaging.feature,
    attachments.feature,
    // After messaging: its handshake check needs the visitor messaging resolves.
    blocks.feature,
    widget.feature,
    knowledge.feature,
    agentApp,
    jobs.feature,
    departments.feature,
    routing.feature,
    feedback.feature,
    audit.feature,
    supervision.feature,
    reports.feature,
    webhooks.feature,
    dataProtection.feature,
    createOpenApiFeature(),
  ] as const;
  return {
    features,
    services: {
      ...agents.services,
      ...messaging.services,
      ...attachments.services,
      attachmentLinks,
      ...knowledge.services,
      ...jobs.services,
      ...departments.services,
      ...routing.services,
      ...feedback.services,
      ...audit.services,
      ...widget.services,
      ...supervision.services,
      ...reports.services,
      ...blocks.services,
      ...webhooks.services,
      ...dataProtection.services,
      clock,
    },
  };
}

export type Services = ReturnType<typeof createFeatures>['services'];
