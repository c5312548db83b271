import type { ReportFigures } from '@switchboard/shared';
import { median, percentile, roundTo } from './report-stats.js';

/** The fields of a conversation a report reads (a projection of the conversations collection). */
export interface ReportedConversation {
  _id: { toHexString(): string };
  status: string;
  offline?: boolean | null;
  departmentId?: { toHexString(): string } | null;
  agentId?: { toHexString(): string } | null;
  createdAt: Date;
  queuedAt?: Date | null;
  assignedAt?: Date | null;
  firstAgentReplyAt?: Date | null;
  closedAt?: Date | null;
  satisfaction?: { rating?: number | null } | null;
}

/** What the transcript log says about one conversation's emails. */
export interface TranscriptCounts {
  sent: number;
  failed: number;
}

/** Running figures of one group; raw durations are kept (numbers only) for medians and p90. */
export class FiguresAccumulator {
  private chats = 0;
  private offlineMessages = 0;
  private readonly firstResponsesMs: number[] = [];
  private readonly handlingMs: number[] = [];
  private abandoned = 0;
  private ratingSum = 0;
  private ratingCount = 0;
  private sent = 0;
  private failed = 0;

  add(conversation: ReportedConversation, transcripts: TranscriptCounts): void {
    this.sent += transcripts.sent;
    this.failed += transcripts.failed;
    if (conversation.offline) {
      this.offlineMessages += 1;
      return;
    }
    this.chats += 1;
    const queuedAt = conversation.queuedAt ?? conversation.createdAt;
    if (conversation.firstAgentReplyAt) {
      this.firstResponsesMs.push(Math.max(0, conversation.firstAgentReplyAt.getTime() - queuedAt.getTime()));
    }
    if (conversation.status === 'closed' && conversation.closedAt) {
      if (conversation.assignedAt) {
        this.handlingMs.push(Math.max(0, conversation.closedAt.getTime() - conversation.assignedAt.getTime()));
      } else {
        this.abandoned += 1;
      }
    }
    const rating = conversation.satisfaction?.rating;
    if (typeof rating === 'number') {
      this.ratingSum += rating;
      this.ratingCount += 1;
    }
  }

  figures(): ReportFigures {
    const seconds = (ms: number | null) => (ms === null ? null : roundTo(ms / 1000, 1));
    return {
      chats: this.chats,
      offlineMessages: this.offlineMessages,
      firstResponse: {
        count: this.firstResponsesMs.length,
        medianSeconds: seconds(median(this.firstResponsesMs)),
        p90Seconds: seconds(percentile(this.firstResponsesMs, 90)),
      },
      handling: { count: this.handlingMs.length, medianSeconds: seconds(median(this.handlingMs)) },
      abandoned: this.abandoned,
      satisfaction: {
        count: this.ratingCount,
        average: this.ratingCount === 0 ? null : roundTo(this.ratingSum / this.ratingCount, 2),
      },
      transcripts: { sent: this.sent, failed: this.failed },
    };
  }
}
