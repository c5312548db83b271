import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, type ApiTokenCreate, type ApiTokenCreated, type ApiTokenView } from '@switchboard/shared';
import { Types, type Connection } from 'mongoose';
import type { AgentPrincipal } from '../auth/principal.js';
import { apiTokenModel, type ApiTokenDocument } from './api-token.model.js';

/** `sbt_<24 hex id>_<43 base64url characters>`: the id finds the record, the rest is the secret. */
const TOKEN_FORMAT = /^sbt_([0-9a-f]{24})_([A-Za-z0-9_-]{43})$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

function toView(doc: ApiTokenDocument): ApiTokenView {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    prefix: doc.prefix,
    scopes: doc.scopes,
    createdAt: doc.createdAt.toISOString(),
    createdBy: { id: doc.createdBy.id ?? '', name: doc.createdBy.name ?? '' },
    expiresAt: doc.expiresAt.toISOString(),
    ...(doc.revokedAt ? { revokedAt: doc.revokedAt.toISOString() } : {}),
    ...(doc.lastUsedAt ? { lastUsedAt: doc.lastUsedAt.toISOString() } : {}),
  };
}

/** Who a token acts as in handlers and the audit log: the admin role, narrowed by its scopes before any handler runs. */
export function tokenPrincipal(token: Pick<ApiTokenView, 'id' | 'name'>): AgentPrincipal {
  return {
    id: `api-token:${token.id}`,
    role: 'admin',
    displayName: `API token “${token.name}”`,
    departmentIds: [],
    languages: [],
    capacity: null,
    apiTokenId: token.id,
  };
}

/**
 * Server-to-server API tokens: created by admins with scopes and an expiry,
 * shown once, kept as a SHA-256 hash (the secret is 256 random bits, so a
 * fast hash is enough: nothing to guess), revocable, with their last use.
 */
export function createApiTokens(deps: { mongo: Connection }) {
  const Token = apiTokenModel(deps.mongo);

  return {
    model: Token,

    async list(): Promise<ApiTokenView[]> {
      return ((await Token.find({}).sort({ createdAt: -1 }).lean()) as ApiTokenDocument[]).map(toView);
    },

    async create(input: ApiTokenCreate, by: AgentPrincipal): Promise<ApiTokenCreated> {
      const _id = new Types.ObjectId();
      const secretPart = randomBytes(32).toString('base64url');
      const secret = `sbt_${_id.toHexString()}_${secretPart}`;
      const created = await Token.create({
        _id,
        name: input.name,
        prefix: secret.slice(0, 12),
        hash: sha256(secretPart).toString('hex'),
        scopes: input.scopes,
        createdBy: { id: by.id, name: by.displayName },
        expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      });
      return { token: toView(created.toObject()), secret };
    },

    /** Revokes at once (the record stays, for the audit trail); revoking again answers the revoked token. */
    async revoke(id: string): Promise<ApiTokenView> {
      const revoked = (await Token.findOneAndUpdate(
        { _id: new Types.ObjectId(id), revokedAt: null },
        { $set: { revokedAt: new Date() } },
        { returnDocument: 'after' },
      ).lean()) as ApiTokenDocument | null;
      const doc = revoked ?? (await Token.findById(id).lean());
      if (!doc) throw new AppError('NOT_FOUND', 'No such API token.');
      return toView(doc);
    },

    /** The token an `Authorization: Bearer …` header carries, if it is valid now; UNAUTHENTICATED otherwise. */
    async verify(header: string): Promise<ApiTokenView> {
      const match = TOKEN_FORMAT.exec(/^Bearer (.+)$/i.exec(header.trim())?.[1] ?? '');
      const refuse = () =>
        new AppError('UNAUTHENTICATED', 'This API token is not valid (unknown, revoked or expired).');
      if (!match) throw refuse();
      const [, id, secretPart] = match;
      const doc = id ? ((await Token.findById(id).lean()) as ApiTokenDocument | null) : null;
      if (!doc || !secretPart) throw refuse();
      const given = sha256(secretPart);
      const stored = Buffer.from(doc.hash, 'hex');
      if (stored.length !== given.length || !timingSafeEqual(stored, given)) throw refuse();
      if (doc.revokedAt || doc.expiresAt <= new Date()) throw refuse();
      return toView(doc);
    },

    async touch(id: string): Promise<void> {
      await Token.updateOne({ _id: new Types.ObjectId(id) }, { $set: { lastUsedAt: new Date() } });
    },
  };
}

export type ApiTokens = ReturnType<typeof createApiTokens>;
