import type { AttachmentSettings, AttachmentType } from '@switchboard/shared';
import { Schema, type Connection } from 'mongoose';
import type { Config } from '../config/config.js';
import { modelOn } from '../infra/mongo.js';

const DAY = 86_400_000;
const SETTINGS_ID = 'attachments';

const settingsSchema = new Schema(
  {
    _id: String,
    maxBytes: Number,
    types: [String],
    retentionDays: Number,
    customerUploadsOffIn: [String],
  },
  { collection: 'attachment_settings', timestamps: true },
);

/** Everything an upload is checked against: the admins' settings over the environment's defaults. */
export interface AttachmentPolicy {
  maxBytes: number;
  types: AttachmentType[];
  retentionMs: number;
  customerUploadsOffIn: string[];
  maxPixels: number;
  conversationBytes: number;
  /** Files uploaded and never sent are deleted once this old (ms). */
  unsentMs: number;
}

/**
 * Admin-editable file rules, one document. Read at every prepare, upload and
 * retention sweep (none of them on the message path), so a change applies at
 * once on every process.
 */
export function createAttachmentSettings(connection: Connection, config: Config) {
  const Settings = modelOn(connection, 'AttachmentSettings', settingsSchema);
  const defaults = (): AttachmentSettings => ({
    maxBytes: config.ATTACHMENT_MAX_BYTES,
    types: config.ATTACHMENT_TYPES,
    retentionDays: Math.max(1, Math.round(config.ATTACHMENT_RETENTION / DAY)),
    customerUploadsOffIn: [],
  });
  /** The admins' settings over the defaults, and whether they saved a retention of their own. */
  const load = async (): Promise<{ settings: AttachmentSettings; retentionSaved: boolean }> => {
    const saved = await Settings.findById(SETTINGS_ID).lean();
    const base = defaults();
    if (!saved) return { settings: base, retentionSaved: false };
    return {
      settings: {
        maxBytes: saved.maxBytes ?? base.maxBytes,
        types: (saved.types as AttachmentType[] | undefined) ?? base.types,
        retentionDays: saved.retentionDays ?? base.retentionDays,
        customerUploadsOffIn: saved.customerUploadsOffIn,
      },
      retentionSaved: typeof saved.retentionDays === 'number',
    };
  };
  const read = async () => (await load()).settings;
  return {
    read,
    async policy(): Promise<AttachmentPolicy> {
      const { settings, retentionSaved } = await load();
      return {
        maxBytes: settings.maxBytes,
        types: settings.types,
        // Unsaved: the environment's duration as given (it may be shorter than a day, e.g. in tests).
        retentionMs: retentionSaved ? settings.retentionDays * DAY : config.ATTACHMENT_RETENTION,
        customerUploadsOffIn: settings.customerUploadsOffIn,
        maxPixels: config.ATTACHMENT_MAX_PIXELS,
        conversationBytes: config.ATTACHMENT_CONVERSATION_BYTES,
        unsentMs: config.ATTACHMENT_UNSENT_AGE,
      };
    },
    async save(settings: AttachmentSettings): Promise<AttachmentSettings> {
      await Settings.updateOne({ _id: SETTINGS_ID }, { $set: settings }, { upsert: true });
      return read();
    },
  };
}

export type AttachmentSettingsStore = ReturnType<typeof createAttachmentSettings>;
