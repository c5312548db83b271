import type { z } from 'zod';
import type { transcriptRequestSchema } from './schemas/jobs.js';

/**
 * Background-job protocol: idle-session flags for supervisors and
 * transcript emails (on close and on request).
 */

/**
 * Why a conversation is flagged idle: the agent has not answered the
 * customer's message within the reply SLA, or the customer went quiet while
 * the agent waits on them (set when the check-in is posted).
 */
export const IDLE_REASONS = ['agent-unanswered', 'customer-silent'] as const;
export type IdleReason = (typeof IDLE_REASONS)[number];

/** Sent to supervisors (and the conversation's agents) on `/agent` when a chat turns idle. */
export interface ConversationIdle {
  conversationId: string;
  caseNumber: string;
  /** The assigned agent, if any. */
  agentId?: string;
  reason: IdleReason;
  /** ISO time the silence started: the unanswered customer message, or the agent reply the customer did not answer. */
  since: string;
}

/** The idle flag went away (someone answered, or the chat closed). */
export interface ConversationIdleCleared {
  conversationId: string;
  reason: IdleReason;
}

export type TranscriptRequest = z.infer<typeof transcriptRequestSchema>;

export const TRANSCRIPT_STATUSES = ['queued', 'retrying', 'sent', 'failed'] as const;
/** queued → (retrying →)* sent, or failed once every attempt was refused. */
export type TranscriptStatus = (typeof TRANSCRIPT_STATUSES)[number];

/** `offline-reply`: an agent answered a message left offline; the email carries the conversation with the reply. */
export const TRANSCRIPT_TRIGGERS = ['close', 'request', 'offline-reply'] as const;
export type TranscriptTrigger = (typeof TRANSCRIPT_TRIGGERS)[number];

export interface TranscriptRequested {
  requestId: string;
  status: TranscriptStatus;
  /** Where it goes. */
  to: string;
}

/** One SMTP attempt of a transcript. */
export interface TranscriptAttempt {
  at: string;
  outcome: 'sent' | 'failed';
  /** The SMTP server's answer or the connection error, for failures. */
  error?: string;
}

/** A transcript email as agents see it in the conversation's delivery log. */
export interface TranscriptDeliveryView {
  id: string;
  conversationId: string;
  requestId: string;
  trigger: TranscriptTrigger;
  to: string;
  status: TranscriptStatus;
  /** Every SMTP attempt, oldest first. */
  attempts: TranscriptAttempt[];
  /** The Message-ID header: the same on every attempt, so a duplicate is recognisable. */
  messageId: string;
  queuedAt: string;
  sentAt?: string;
  failedAt?: string;
}
