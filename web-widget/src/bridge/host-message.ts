import {
  SUPPORTED_LOCALES,
  WIDGET_BRIDGE_SOURCE,
  WIDGET_BRIDGE_VERSION,
  type CustomerIdentity,
  type HostToFrameMessage,
  type Locale,
  type WidgetConfig,
  type WidgetPrefill,
} from '@switchboard/shared';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasOnly = (value: Json, keys: readonly string[]) => Object.keys(value).every((key) => keys.includes(key));
const text = (value: unknown, min: number, max: number, trim = false): value is string =>
  typeof value === 'string' && (trim ? value.trim() : value).length >= min && value.length <= max;
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);
// Looser than zod's z.email(): the server validates again; this only keeps junk out of the form.
const email = (value: unknown) => text(value, 3, 254) && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
const locale = (value: unknown): value is Locale => (SUPPORTED_LOCALES as readonly unknown[]).includes(value);
const url = (value: unknown) => {
  if (!text(value, 1, 2048)) return false;
  try {
    return Boolean(new URL(value));
  } catch {
    return false;
  }
};

function isIdentity(value: unknown): value is CustomerIdentity {
  return (
    isObject(value) &&
    hasOnly(value, ['userId', 'email', 'name', 'userHash']) &&
    text(value.userId, 1, 128) &&
    typeof value.userHash === 'string' &&
    /^[0-9a-f]{64}$/.test(value.userHash) &&
    optional(value.email, email) &&
    optional(value.name, (name) => text(name, 1, 100, true))
  );
}

function isPrefill(value: unknown): value is WidgetPrefill {
  return (
    isObject(value) &&
    hasOnly(value, ['name', 'email', 'topic', 'region']) &&
    optional(value.name, (name) => text(name, 1, 100, true)) &&
    optional(value.email, email) &&
    optional(value.topic, (topic) => text(topic, 1, 100, true)) &&
    optional(value.region, (region) => text(region, 1, 64, true))
  );
}

function isConfig(value: unknown): value is WidgetConfig {
  return (
    isObject(value) &&
    hasOnly(value, ['siteKey', 'locale', 'position', 'color', 'pageUrl', 'pageTitle']) &&
    text(value.siteKey, 1, 128) &&
    locale(value.locale) &&
    (value.position === 'left' || value.position === 'right') &&
    optional(value.color, (color) => typeof color === 'string' && /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(color)) &&
    optional(value.pageUrl, url) &&
    optional(value.pageTitle, (title) => text(title, 0, 300))
  );
}

const PAYLOAD_CHECKS: Record<HostToFrameMessage['type'], [key: string | null, check: (value: unknown) => boolean]> = {
  open: [null, () => true],
  close: [null, () => true],
  identify: ['identity', isIdentity],
  setLocale: ['locale', locale],
  prefill: ['fields', isPrefill],
  config: ['config', isConfig],
};

/**
 * Validates a message from the host page the way `hostToFrameMessageSchema`
 * does (strict objects, same limits), by hand for size; a unit test runs both
 * over the same samples so they cannot drift apart.
 */
export function parseHostMessage(data: unknown): HostToFrameMessage | null {
  if (!isObject(data) || data.source !== WIDGET_BRIDGE_SOURCE || data.v !== WIDGET_BRIDGE_VERSION) return null;
  const type = data.type;
  if (typeof type !== 'string' || !Object.hasOwn(PAYLOAD_CHECKS, type)) return null;
  const [key, check] = PAYLOAD_CHECKS[type as HostToFrameMessage['type']];
  const keys = ['source', 'v', 'type', ...(key ? [key] : [])];
  if (!hasOnly(data, keys) || (key !== null && !check(data[key]))) return null;
  return data as HostToFrameMessage;
}
