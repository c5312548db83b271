import fc from 'fast-check';

/**
 * Values a client can put anywhere in a payload to break a server that trusts
 * it: wrong types, MongoDB operator objects (operator injection when a payload
 * reaches a query), prototype-pollution keys, huge strings, deep nesting and
 * binary attachments. Sizes stay under the 64 KB frame limit: bigger frames
 * close the socket by design (tests/messaging/floods.test.ts).
 */

/** An object with `key` as an own, enumerable property, even for `__proto__` (plain assignment would set the prototype). */
export function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

export function withoutKey(target: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...target };
  Reflect.deleteProperty(copy, key);
  return copy;
}

/** Keys that mean something to JavaScript objects or to MongoDB rather than to our schemas. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'),
  fc.constantFrom('$where', '$gt', '$ne', '$regex', '$expr', '$set', '$function', '_id', 'seq', 'customerId'),
  fc.string({ maxLength: 12 }),
);

const operatorObject = fc.constantFrom<unknown>(
  { $gt: '' },
  { $ne: null },
  { $exists: true },
  { $regex: '.*' },
  { $in: ['000000000000000000000000', 'ffffffffffffffffffffffff'] },
  { $where: 'sleep(5000) || true' },
  { $where: 'function () { return true }' },
  { $expr: { $eq: [1, 1] } },
  { $function: { body: 'function () { return true }', args: [], lang: 'js' } },
  { $set: { status: 'closed' } },
);

/** Built with JSON.parse so `__proto__` is an own key, as it arrives on the wire. */
const pollution = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__":{"polluted":true,"isAdmin":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  JSON.parse('{"__proto__":{"toString":"x"},"conversationId":"000000000000000000000000"}'),
);

// At most ~24 KB on the wire each, so a payload with two of them stays under the frame limit.
const hugeString = fc.oneof(
  fc.integer({ min: 4_097, max: 24_000 }).map((length) => 'A'.repeat(length)),
  fc.integer({ min: 1_000, max: 6_000 }).map((length) => '😀'.repeat(length)),
  fc.integer({ min: 100, max: 2_400 }).map((length) => '\u0000\u202e<'.repeat(length)),
);

/** Strings close to valid ones: ids of the wrong length or case, blanks, injection text. */
const nearMissString = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    '\n\t',
    'ffffffffffffffffffffffffff',
    'FFFFFFFFFFFFFFFFFFFFFFFF',
    'ObjectId("000000000000000000000000")',
    '000000000000000000000000 ',
    "'; db.dropDatabase(); //",
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '../../etc/passwd',
    '%00',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

function nest(depth: number, asArray: boolean): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
}

const deepNesting = fc
  .tuple(fc.integer({ min: 20, max: 1_500 }), fc.boolean())
  .map(([depth, asArray]) => nest(depth, asArray));

const wrongPrimitive = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, 1e308, -0, [], {}, [null]),
  fc.double(),
  fc.integer(),
);

const binary = fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes));

/** Any of the above, or random JSON-able junk. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: wrongPrimitive, weight: 3 },
  { arbitrary: operatorObject, weight: 3 },
  { arbitrary: pollution, weight: 2 },
  { arbitrary: nearMissString, weight: 3 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: binary, weight: 1 },
  { arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
);

/** A whole payload that is not an object of the expected shape at all. */
export const hostileTopLevel: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue,
  fc.dictionary(hostileKey, hostileValue, { maxKeys: 4 }),
  fc.constant(undefined),
);
