import { isErrorCode, type AckResult } from '@switchboard/shared';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import type { EventSpec, Targets } from './event-specs.js';
import { hostileKey, hostileTopLevel, hostileValue, withKey, withoutKey } from './hostile-values.js';

/** `args` are what is emitted after the event name (an ack callback is added when `withAck`). */
export interface FuzzCase {
  event: string;
  args: unknown[];
  withAck: boolean;
}

type Path = (string | number)[];

/** Every place in a payload a value can be swapped: keys of the object and of the objects/arrays inside it. */
function pathsOf(value: unknown, prefix: Path = [], depth = 0): Path[] {
  if (depth > 2 || value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf((value as Record<string, unknown>)[key], path, depth + 1)];
  });
}

function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])];
    copy[Number(head)] = replaceAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const record = value as Record<string, unknown>;
  return withKey(record, String(head), replaceAt(record[String(head)], rest, replacement));
}

/** Payloads for one event: valid-looking ones aimed at targets, and malformed variations of them. */
export function payloadArbitrary(spec: EventSpec, targets: Targets): fc.Arbitrary<unknown> {
  const valid = spec.valid(targets);
  const mutated = valid.chain((payload) => {
    const paths = pathsOf(payload);
    if (paths.length === 0) return hostileTopLevel;
    return fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]) => replaceAt(payload, path, value));
  });
  const extraKey = fc
    .tuple(valid, hostileKey, hostileValue)
    .map(([payload, key, value]) => (Object.hasOwn(payload, key) ? payload : withKey(payload, key, value)));
  const missingKey = valid.chain((payload) => {
    const keys = Object.keys(payload);
    return keys.length === 0 ? fc.constant(null) : fc.constantFrom(...keys).map((key) => withoutKey(payload, key));
  });
  const variants = fc.oneof(
    { arbitrary: mutated, weight: 5 },
    { arbitrary: extraKey, weight: 2 },
    { arbitrary: missingKey, weight: 1 },
    { arbitrary: hostileTopLevel, weight: 2 },
    ...(spec.kind === 'malformed-only' ? [] : [{ arbitrary: valid as fc.Arbitrary<unknown>, weight: 3 }]),
  );
  return variants;
}

/** Cases for one event: a payload (or none, or extra arguments), with or without an ack callback. */
export function caseArbitrary(event: string, spec: EventSpec, targets: Targets): fc.Arbitrary<FuzzCase> {
  const payload = payloadArbitrary(spec, targets);
  const args = fc.oneof(
    { arbitrary: payload.map((value) => [value]), weight: 12 },
    { arbitrary: fc.constant<unknown[]>([]), weight: 1 },
    { arbitrary: fc.tuple(payload, hostileValue).map((pair): unknown[] => pair), weight: 1 },
  );
  // Mostly with an ack (to check it); sometimes without, which the server must survive silently.
  const withAck = fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 });
  const cases = fc.record({ event: fc.constant(event), args, withAck });
  // A variation can still be valid (a swapped optional key, an extra key equal to a known one):
  // where valid payloads would change something legitimately, keep only what the schema refuses.
  return spec.kind === 'malformed-only' ? cases.filter((c) => !passesSchema(spec, c.args)) : cases;
}

function hasBinary(value: unknown): boolean {
  if (Buffer.isBuffer(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(hasBinary);
}

/**
 * socket.io-parser copies a payload with attachments key by key with plain
 * assignment, so an own `__proto__` key becomes the copy's prototype, which
 * JSON then drops: the server never sees it. Buffers travel as Buffers.
 */
function copiedLikeBinaryParser(value: unknown): unknown {
  if (Buffer.isBuffer(value) || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copiedLikeBinaryParser);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key !== '__proto__') copy[key] = copiedLikeBinaryParser((value as Record<string, unknown>)[key]);
  }
  return copy;
}

/**
 * The payload (the first argument) as the server receives it: JSON on the
 * wire drops `undefined` and turns NaN into null; when any argument is binary
 * the whole packet goes through the binary parser's copy.
 */
function asReceived(args: unknown[]): unknown {
  const [payload] = args;
  if (payload === undefined) return null;
  const copied = hasBinary(args) ? copiedLikeBinaryParser(payload) : payload;
  return hasBinary(copied) ? copied : (JSON.parse(JSON.stringify(copied)) as unknown);
}

/** Whether the server will find the payload of these emitted arguments valid. */
export function passesSchema(spec: EventSpec, args: unknown[]): boolean {
  return spec.schema.safeParse(asReceived(args)).success;
}

/**
 * What the server must answer: a malformed payload VALIDATION_FAILED (or
 * PAYLOAD_TOO_LARGE); a valid one aimed at someone else's data a typed
 * refusal; a permitted read may answer ok. Never INTERNAL, never UNKNOWN_EVENT
 * for an event of the protocol.
 */
export function problemWith(spec: EventSpec, args: unknown[], ack: AckResult<unknown>): string | null {
  const valid = passesSchema(spec, args);
  if (ack.ok)
    return valid && spec.kind === 'read' ? null : `answered ok to a ${valid ? 'refusable' : 'malformed'} payload`;
  const code: unknown = ack.error.code;
  if (!isErrorCode(code)) return `unknown error code ${String(code)}`;
  if (code === 'INTERNAL' || code === 'UNKNOWN_EVENT') return `answered ${code}`;
  if (!valid && code !== 'VALIDATION_FAILED' && code !== 'PAYLOAD_TOO_LARGE') return `malformed payload got ${code}`;
  return null;
}

/** Emits a case; resolves with the ack, or `undefined` for a case without an ack callback. */
export async function emitCase(socket: Socket, fuzzCase: FuzzCase): Promise<AckResult<unknown> | undefined> {
  if (!fuzzCase.withAck) {
    socket.emit(fuzzCase.event, ...fuzzCase.args);
    return undefined;
  }
  return (await socket.timeout(15_000).emitWithAck(fuzzCase.event, ...fuzzCase.args)) as AckResult<unknown>;
}
