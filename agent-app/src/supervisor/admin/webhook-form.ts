import type { WebhookEndpointView, WebhookEvent } from '@switchboard/shared';

/** An endpoint as the form edits it. */
export interface WebhookDraft {
  id?: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  includeInternalNotes: boolean;
}

export function toWebhookDraft(endpoint?: WebhookEndpointView): WebhookDraft {
  if (!endpoint) return { url: '', description: '', events: ['message.created'], includeInternalNotes: false };
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description ?? '',
    events: endpoint.events,
    includeInternalNotes: endpoint.includeInternalNotes,
  };
}

/** The POST or PATCH body; an empty description is left out (the server refuses a blank one). */
export function toWebhookBody(draft: WebhookDraft) {
  const description = draft.description.trim();
  return {
    url: draft.url.trim(),
    events: draft.events,
    includeInternalNotes: draft.includeInternalNotes,
    ...(description ? { description } : {}),
  };
}
