import { DEFAULT_WIDGET_SETTINGS, type WidgetSettings } from '@switchboard/shared';
import { widgetSettingsSchema } from '@switchboard/shared/schemas';
import { describe, expect, it } from 'vitest';
import {
  describeWidgetSettingsError,
  SWITCHBOARD_BLUE,
  toWidgetSettingsBody,
  toWidgetSettingsDraft,
} from './widget-settings-form.js';

const stored: WidgetSettings = {
  allowedOrigins: ['https://shop.example', 'https://help.shop.example'],
  fields: { name: 'required', email: 'optional', topic: 'hidden', language: 'hidden', region: 'required' },
  colors: { brand: '#aa3300' },
  greeting: { en: 'Hello!', fr: 'Bonjour !' },
  transcriptOffer: false,
  brandName: 'Nimbus Support',
};

describe('widget settings form', () => {
  it('round-trips stored settings unchanged', () => {
    expect(toWidgetSettingsBody(toWidgetSettingsDraft(stored))).toEqual(stored);
    expect(toWidgetSettingsBody(toWidgetSettingsDraft(DEFAULT_WIDGET_SETTINGS))).toEqual(DEFAULT_WIDGET_SETTINGS);
  });

  it('sends a blank brand name as none', () => {
    const draft = toWidgetSettingsDraft(stored);
    expect(draft.brandName).toBe('Nimbus Support');
    expect(toWidgetSettingsBody({ ...draft, brandName: '  ' }).brandName).toBeNull();
  });

  it('turns empty origins into the deployment default and blank greetings into the built-in text', () => {
    const draft = toWidgetSettingsDraft(stored);
    const body = toWidgetSettingsBody({
      ...draft,
      origins: ' \n\n',
      greeting: { ...draft.greeting, en: '  Welcome  ', fr: '   ' },
    });
    expect(body.allowedOrigins).toBeNull();
    expect(body.greeting).toEqual({ en: 'Welcome' });
    expect(widgetSettingsSchema.safeParse(body).success).toBe(true);
  });

  it("keeps the picked colour while the snippet's colour is chosen, and sends null", () => {
    const draft = { ...toWidgetSettingsDraft(stored), ownBrand: false };
    expect(toWidgetSettingsBody(draft).colors.brand).toBeNull();
    expect(toWidgetSettingsBody({ ...draft, ownBrand: true }).colors.brand).toBe('#aa3300');
    expect(toWidgetSettingsDraft(DEFAULT_WIDGET_SETTINGS).brand).toBe(SWITCHBOARD_BLUE);
  });

  it('names a refused origin by what was typed, not by its index', () => {
    const sent = toWidgetSettingsBody({ ...toWidgetSettingsDraft(stored), origins: 'https://ok.example\n\nbad/path' });
    const error = describeWidgetSettingsError(
      {
        text: 'Please check these fields:',
        fields: [
          { path: 'allowedOrigins.1', message: 'must be an origin' },
          { path: 'colors.brand', message: 'must be a colour' },
        ],
      },
      sent,
    );
    expect(error?.fields).toEqual([
      { path: 'bad/path', message: 'must be an origin' },
      { path: 'colors.brand', message: 'must be a colour' },
    ]);
  });
});
