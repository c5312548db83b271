import type { QueueEntry, TransferTargetDepartment } from '@switchboard/shared';
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import type { AgentsService } from '../agents/agents.service.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import type { Feature } from '../infra/feature.js';
import type { MessagesService } from '../messages/messages.service.js';
import { transcriptRequestRoutes } from '../transcripts/transcript-request.routes.js';
import type { TranscriptsService } from '../transcripts/transcripts.service.js';
import { resolveAgentAppDist } from './agent-app-dist.js';
import { agentAppRoutes } from './agent-app.routes.js';
import { createDeskQueuePush } from './desk-queue-push.js';
import { deploymentReplySla, deskSettings } from './desk-settings.js';
import { deskRoutes } from './desk.routes.js';

export interface AgentAppDeps {
  restAuth: RestAuth;
  conversations: ConversationsService;
  messages: MessagesService;
  customers: Pick<CustomersService, 'contactsOf'>;
  departments: Pick<DepartmentsService, 'list'>;
  agents: Pick<AgentsService, 'list' | 'activeIdsIn'>;
  /** The transcripts service (jobs feature): the desk's "send transcript" goes through it. */
  transcripts: Pick<TranscriptsService, 'request'>;
  /** Routing's queue changes and `queue.list` entries: the desk's queue is pushed, not polled. */
  queues: {
    onChanged: (listener: (key: string) => void) => void;
    entriesOf: (key: string) => Promise<QueueEntry[] | null>;
    /** Each department with who is online in it and its wait (the transfer dialog). */
    transferDepartments: (viewerId: string) => Promise<TransferTargetDepartment[]>;
  };
}

/** The agent desk: the built app at /agent, the REST the desk uses, and its queue pushes. */
export function createAgentAppFeature(context: AppContext, deps: AgentAppDeps): Feature {
  const { config } = context;
  const base = deploymentReplySla(config);
  const queuePush = createDeskQueuePush({
    sockets: context.sockets,
    redis: context.redis.command,
    prefix: config.REDIS_PREFIX,
    entriesOf: deps.queues.entriesOf,
    agentsOf: (departmentId) => deps.agents.activeIdsIn(departmentId),
    debounceMs: config.ROUTING_QUEUE_DEBOUNCE,
    logger: context.logger,
  });
  deps.queues.onChanged((key) => {
    queuePush.schedule(key);
  });

  const routes = Router();
  routes.use(
    deskRoutes({
      auth: deps.restAuth,
      conversations: deps.conversations,
      messages: deps.messages,
      transferDepartments: deps.queues.transferDepartments,
      agents: deps.agents,
      settings: async () => deskSettings(base, await deps.departments.list()),
    }),
  );
  routes.use(
    transcriptRequestRoutes({
      auth: deps.restAuth,
      conversations: deps.conversations,
      transcripts: deps.transcripts,
    }),
  );
  routes.use(agentAppRoutes(resolveAgentAppDist()));
  return {
    name: 'agent-app',
    routes,
    stop() {
      queuePush.stop();
      return Promise.resolve();
    },
  };
}
