import { describe, expect, it } from 'vitest';
import { isFrameMessage } from './frame-message';
import { applyOptions, normalizeLocale, type LoaderSettings } from './settings';

describe('normalizeLocale', () => {
  it('maps BCP 47 tags onto the supported locales', () => {
    expect(normalizeLocale('fr-CA')).toBe('fr');
    expect(normalizeLocale('ru_RU')).toBe('ru');
    expect(normalizeLocale('EN-gb')).toBe('en');
    expect(normalizeLocale('zh-CN')).toBe('zh-Hans');
    expect(normalizeLocale('zh-Hans-SG')).toBe('zh-Hans');
    expect(normalizeLocale('zh')).toBe('zh-Hans');
    expect(normalizeLocale('zh-TW')).toBe('zh-Hant');
    expect(normalizeLocale('zh-HK')).toBe('zh-Hant');
    expect(normalizeLocale('zh-Hant')).toBe('zh-Hant');
    expect(normalizeLocale('de')).toBeUndefined();
    expect(normalizeLocale(42)).toBeUndefined();
  });
});

describe('applyOptions', () => {
  const base = (): LoaderSettings => ({
    server: 'https://sb.example',
    siteKey: '',
    locale: 'en',
    position: 'right',
    color: undefined,
  });

  it('takes valid embed options and ignores malformed ones', () => {
    const settings = base();
    applyOptions(settings, { siteKey: 'shop', locale: 'zh-TW', position: 'left', color: '#0a0' });
    expect(settings).toMatchObject({ siteKey: 'shop', locale: 'zh-Hant', position: 'left', color: '#0a0' });
    applyOptions(settings, { siteKey: 3, locale: 'xx', position: 'top', color: 'red;background:url(x)' });
    expect(settings).toMatchObject({ siteKey: 'shop', locale: 'zh-Hant', position: 'left', color: '#0a0' });
  });
});

describe('isFrameMessage (the loader’s stand-in for the zod schema)', () => {
  const message = (body: Record<string, unknown>) => ({ source: 'switchboard', v: 1, ...body });

  it('accepts what the frame sends', () => {
    expect(isFrameMessage(message({ type: 'ready' }))).toBe(true);
    expect(isFrameMessage(message({ type: 'requestClose' }))).toBe(true);
    expect(isFrameMessage(message({ type: 'state', open: false, unread: 2 }))).toBe(true);
    expect(isFrameMessage(message({ type: 'event', name: 'message', data: { author: 'agent', text: 'Hi' } }))).toBe(
      true,
    );
  });

  it('refuses other sources, versions, types and shapes', () => {
    expect(isFrameMessage(null)).toBe(false);
    expect(isFrameMessage('ready')).toBe(false);
    expect(isFrameMessage({ type: 'ready' })).toBe(false);
    expect(isFrameMessage(message({ type: 'ready', v: 2 }))).toBe(false);
    expect(isFrameMessage(message({ type: 'open' }))).toBe(false);
    expect(isFrameMessage(message({ type: 'state', unread: '2' }))).toBe(false);
    expect(isFrameMessage(message({ type: 'event', name: 'message', data: { text: 1 } }))).toBe(false);
    expect(isFrameMessage(message({ type: 'event', name: 'message' }))).toBe(false);
  });
});
