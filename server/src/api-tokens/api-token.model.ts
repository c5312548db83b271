import { API_TOKEN_SCOPES } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { modelOn } from '../infra/mongo.js';

/** An API token: only the SHA-256 of its secret part is kept (the token is shown once, at creation). */
const apiTokenSchema = new Schema(
  {
    name: { type: String, required: true },
    prefix: { type: String, required: true },
    hash: { type: String, required: true },
    scopes: { type: [{ type: String, enum: API_TOKEN_SCOPES }], required: true },
    createdBy: { type: new Schema({ id: String, name: String }, { _id: false }), required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    lastUsedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'api_tokens' },
);

export type ApiTokenDocument = InferSchemaType<typeof apiTokenSchema> & { _id: Types.ObjectId; createdAt: Date };

export function apiTokenModel(connection: Connection) {
  return modelOn(connection, 'ApiToken', apiTokenSchema);
}
