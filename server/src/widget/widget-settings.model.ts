import type { WidgetSettings } from '@switchboard/shared';
import { Schema, type Connection, type Model } from 'mongoose';

/** The one widget settings document of the deployment (its `_id` is always {@link WIDGET_SETTINGS_ID}). */
export interface WidgetSettingsRecord extends WidgetSettings {
  _id: string;
  updatedBy: { id: string; name: string };
  createdAt: Date;
  updatedAt: Date;
}

export const WIDGET_SETTINGS_ID = 'widget';

const widgetSettingsSchema = new Schema(
  {
    _id: { type: String, required: true },
    // Mixed: the zod schema in shared/src/widget-settings.ts is the contract; mongoose only stores it.
    allowedOrigins: { type: Schema.Types.Mixed, default: null },
    fields: { type: Schema.Types.Mixed, required: true },
    colors: { type: Schema.Types.Mixed, required: true },
    greeting: { type: Schema.Types.Mixed, default: {} },
    transcriptOffer: { type: Boolean, required: true },
    brandName: { type: String, default: null },
    updatedBy: { type: Schema.Types.Mixed, required: true },
  },
  { timestamps: true, collection: 'widget_settings', minimize: false },
);

export type WidgetSettingsModel = Model<WidgetSettingsRecord>;

export function widgetSettingsModel(connection: Connection): WidgetSettingsModel {
  return ((connection.models.WidgetSettings as WidgetSettingsModel | undefined) ??
    connection.model('WidgetSettings', widgetSettingsSchema)) as unknown as WidgetSettingsModel;
}
