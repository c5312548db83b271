import type { z } from 'zod';
import type { auditQuerySchema } from './schemas/audit.js';

/** Who did a supervisor or admin action, as recorded at the time (names change later; the record does not). */
export interface AuditActor {
  id: string;
  name: string;
  role: string;
}

/** One supervisor or admin action (an idle-chat fix, an administration change): who, what, on what, when. */
export interface AuditEntryView {
  id: string;
  at: string;
  actor: AuditActor;
  /** `resource.verb`, e.g. `conversation.reassign`, `agent.deactivate`, `department.update`. */
  action: string;
  /** `name`: what the target was called at the time (an agent's name, a department, a case number). */
  target: { kind: string; id: string; name?: string };
  /** Action-specific facts (from/to agent, changed fields); never secrets. */
  details: Record<string, unknown>;
}

export type AuditQuery = z.infer<typeof auditQuerySchema>;
