import { AppError, MAX_RATING_COMMENT, type Locale } from '@switchboard/shared';
import { objectIdSchema } from '@switchboard/shared/schemas';
import { resolveLocale } from '@switchboard/shared/i18n';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { isOriginAllowed } from '../auth/origin.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { RateLimit } from '../infra/rate-limit.js';
import type { RatingLinks } from '../transcripts/rating-links.js';
import { notRateable, type FeedbackService, type StoredSatisfaction } from './feedback.service.js';
import { renderRatingPage, type RatingPageState } from './rating-page.js';

const tokenSchema = z.string().min(1).max(64);
export const ratingFormSchema = z.object({
  token: tokenSchema,
  // A form without a choice sends no `rating`: asked again, not refused.
  rating: z.coerce.number().int().min(1).max(5).optional(),
  comment: z.string().trim().max(MAX_RATING_COMMENT).optional(),
});

/** The page is about one conversation and carries its token: no caching, no referrer, no framing, no script. */
function send(res: Response, status: number, locale: Locale, state: RatingPageState): void {
  res
    .status(status)
    .set({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    })
    .send(renderRatingPage(locale, state));
}

const browserLocale = (req: Request): Locale => resolveLocale(req.get('accept-language') ?? 'en');

/**
 * Rating from the transcript email: `GET /rate/:id?token=` shows the rating form
 * in the conversation's language; `POST /rate/:id` stores the rating exactly
 * as the widget does (on the conversation, replacing an earlier one) and
 * answers with a redirect to the page, which then shows it. Opening the link
 * changes nothing (mail scanners open links); a second use only replaces the
 * rating; the link stops working RATING_LINK_TTL after it was first sent.
 */
export function ratingPageRoutes(deps: {
  conversations: Pick<ConversationsService, 'load'>;
  links: Pick<RatingLinks, 'check'>;
  feedback: Pick<FeedbackService, 'rateByLink' | 'ratingOf'>;
  limit: RateLimit;
  publicUrl: string | undefined;
}): Router {
  const router = Router();

  /** The conversation behind a link, or the page that says why there is nothing to rate. */
  async function open(
    req: Request,
    res: Response,
    token: unknown,
  ): Promise<{ conversation: ConversationDocument; locale: Locale; token: string } | null> {
    const id = objectIdSchema.safeParse(req.params.conversationId);
    const given = tokenSchema.safeParse(token);
    const conversation = id.success && given.success ? await deps.conversations.load(id.data) : null;
    const check = conversation && given.success ? await deps.links.check(conversation._id, given.data) : 'invalid';
    // An unknown conversation and a wrong token look the same, in the reader's language.
    if (!conversation || check === 'invalid' || !given.success) {
      send(res, 404, browserLocale(req), { kind: 'invalid' });
      return null;
    }
    const locale = resolveLocale(conversation.language);
    if (check === 'expired') {
      send(res, 410, locale, { kind: 'expired' });
      return null;
    }
    if (notRateable(conversation)) {
      send(res, 409, locale, { kind: conversation.status === 'closed' ? 'unanswered' : 'notEnded' });
      return null;
    }
    return { conversation, locale, token: given.data };
  }

  const formState = (
    opened: { conversation: ConversationDocument; token: string },
    current: StoredSatisfaction | null,
    missingRating = false,
  ): RatingPageState => ({
    kind: 'form',
    caseNumber: opened.conversation.caseNumber,
    ...(opened.conversation.agentCard?.displayName ? { agentName: opened.conversation.agentCard.displayName } : {}),
    action: `/rate/${opened.conversation._id.toHexString()}`,
    token: opened.token,
    ...(current
      ? { current: { rating: current.rating, ...(current.comment ? { comment: current.comment } : {}) } }
      : {}),
    ...(missingRating ? { missingRating } : {}),
  });

  router.get('/rate/:conversationId', async (req, res) => {
    const opened = await open(req, res, req.query.token);
    if (!opened) return;
    send(
      res,
      200,
      opened.locale,
      formState(opened, await deps.feedback.ratingOf(opened.conversation._id.toHexString())),
    );
  });

  router.post(
    '/rate/:conversationId',
    (req, _res, next) => {
      // Not cookie-authenticated (the token is the credential), but a page elsewhere has no business posting here.
      const allowed = isOriginAllowed(
        { origin: req.get('origin'), host: req.get('host'), protocol: req.protocol },
        { publicUrl: deps.publicUrl, allowed: [] },
      );
      next(allowed ? undefined : new AppError('CSRF_FAILED', 'This form can only be sent from its own page.'));
    },
    express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 10 }),
    async (req, res) => {
      try {
        await deps.limit.consume(req.ip ?? req.socket.remoteAddress ?? 'unknown');
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'RATE_LIMITED')) throw error;
        send(res, 429, browserLocale(req), { kind: 'busy' });
        return;
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      const opened = await open(req, res, body.token);
      if (!opened) return;
      const parsed = ratingFormSchema.safeParse(body);
      if (!parsed.success || parsed.data.rating === undefined) {
        const current = await deps.feedback.ratingOf(opened.conversation._id.toHexString());
        send(res, 400, opened.locale, formState(opened, current, true));
        return;
      }
      await deps.feedback.rateByLink(opened.conversation._id.toHexString(), {
        rating: parsed.data.rating,
        ...(parsed.data.comment ? { comment: parsed.data.comment } : {}),
      });
      // Post, redirect, get: a reload shows the rating instead of sending the form again.
      res.redirect(303, `/rate/${opened.conversation._id.toHexString()}?token=${encodeURIComponent(opened.token)}`);
    },
  );

  return router;
}
