import { SUPPORTED_LOCALES } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { modelOn } from '../infra/mongo.js';

/*
 * One document per canned response / article with its per-locale variants
 * inside: an admin edits "the battery answer" once for every language, and
 * the desk asks for one locale with English as the fallback.
 */

const cannedVariantSchema = new Schema(
  {
    locale: { type: String, enum: SUPPORTED_LOCALES, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
  },
  { _id: false },
);

const cannedSchema = new Schema(
  {
    shortcut: { type: String, required: true, unique: true },
    variants: { type: [cannedVariantSchema], default: [] },
    /** Hidden from the desk; kept (with its shortcut) so an admin can restore it. */
    archived: { type: Boolean, default: false },
  },
  { timestamps: true, collection: 'canned_responses' },
);

const articleVariantSchema = new Schema(
  {
    locale: { type: String, enum: SUPPORTED_LOCALES, required: true },
    title: { type: String, required: true },
    summary: { type: String, required: true },
    url: { type: String, required: true },
    keywords: { type: [String], default: [] },
  },
  { _id: false },
);

const articleSchema = new Schema(
  {
    slug: { type: String, required: true, unique: true },
    variants: { type: [articleVariantSchema], default: [] },
    /** Hidden from the desk; kept (with its slug) so an admin can restore it. */
    archived: { type: Boolean, default: false },
  },
  { timestamps: true, collection: 'kb_articles' },
);

export type CannedDocument = InferSchemaType<typeof cannedSchema> & { _id: Types.ObjectId };
export type ArticleDocument = InferSchemaType<typeof articleSchema> & { _id: Types.ObjectId };

export function knowledgeModels(connection: Connection) {
  return {
    Canned: modelOn(connection, 'CannedResponse', cannedSchema),
    Article: modelOn(connection, 'KbArticle', articleSchema),
  };
}

export type KnowledgeModels = ReturnType<typeof knowledgeModels>;
