import fc from 'fast-check';

/**
 * Frames a hand-written client can put on the wire: every Engine.IO and
 * Socket.IO packet type with bodies that are broken JSON, hostile event names,
 * bogus ack ids and namespaces, attachment placeholders without attachments,
 * hostile handshake auth, and junk bytes.
 */

const namespace = fc.constantFrom('/customer', '/agent', '/', '/nope', '/customer/../agent', '');
const nsp = namespace.map((name) => (name === '' || name === '/' ? '' : `${name},`));

const eventName = fc.oneof(
  fc.constantFrom(
    'message.send',
    'conversation.start',
    'system.ping',
    'connect',
    'connect_error',
    'disconnect',
    'disconnecting',
    'newListener',
    'removeListener',
    'error',
    '__proto__',
    'constructor',
    'hasOwnProperty',
  ),
  fc.string({ maxLength: 20 }),
);

const eventHead = fc.oneof(eventName, fc.integer(), fc.constant(null), fc.constant({ $gt: '' }), fc.constant([]));

const ackId = fc.oneof(
  fc.constant(''),
  fc.nat().map(String),
  fc.constantFrom('99999999999999999999999', '-1', '1e3', '0x10', 'NaN'),
);

const jsonText = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value));
const brokenJson = fc.oneof(
  jsonText.map((text) => text.slice(0, Math.max(0, text.length - 1))),
  fc.constantFrom('[', '["message.send",', '{"__proto__":', '[{"a":1}', '["a"]]', 'null,', '["x",undefined]'),
  fc.string({ maxLength: 60 }),
);

/** `_placeholder` objects claim binary attachments that never come (or with bogus numbers). */
const placeholder = fc.constantFrom(
  '{"_placeholder":true,"num":0}',
  '{"_placeholder":true,"num":"__proto__"}',
  '{"_placeholder":true,"num":99}',
  '{"_placeholder":true,"num":-1}',
  '{"_placeholder":true}',
);

const eventBody = fc
  .tuple(eventHead, fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }))
  .map(([head, rest]) => JSON.stringify([head, ...rest]));

const hostileAuth = fc.constantFrom(
  '{"protocolVersion":{"$gt":0}}',
  '{"protocolVersion":1,"visitorToken":{"$ne":null}}',
  '{"protocolVersion":1,"identity":{"userId":{"$gt":""},"userHash":"x"}}',
  '{"__proto__":{"protocolVersion":1}}',
  '"a string"',
  '[1,2,3]',
  '{"protocolVersion":1e999}',
);

const socketIoPacket = fc.oneof(
  // EVENT / ACK with hostile bodies
  fc.tuple(fc.constantFrom('42', '43'), nsp, ackId, fc.oneof(eventBody, brokenJson)).map((parts) => parts.join('')),
  // BINARY_EVENT / BINARY_ACK claiming attachments
  fc
    .tuple(
      fc.constantFrom('45', '46'),
      fc.constantFrom('0', '1', '2', '999999', 'x'),
      nsp,
      ackId,
      eventName,
      placeholder,
    )
    .map(([type, count, space, id, name, hole]) => `${type}${count}-${space}${id}[${JSON.stringify(name)},${hole}]`),
  // CONNECT with hostile auth, DISCONNECT, CONNECT_ERROR from a client, unknown types
  fc.tuple(fc.constant('40'), nsp, hostileAuth).map((parts) => parts.join('')),
  fc
    .tuple(fc.constantFrom('41', '44', '47', '48', '49', '4x', '4'), nsp, fc.oneof(jsonText, brokenJson))
    .map((parts) => parts.join('')),
);

const engineIoPacket = fc.oneof(
  fc.constantFrom('', '0', '1', '2', '2probe', '3', '5', '6', '7', '8', '9', 'b', '\u0000', '4'.repeat(1_000)),
  fc
    .tuple(fc.constantFrom('0', '1', '2', '3', '5', '6', '7', '9'), fc.string({ maxLength: 40 }))
    .map((p) => p.join('')),
);

export const rawFrame: fc.Arbitrary<string | Buffer> = fc.oneof(
  { arbitrary: socketIoPacket, weight: 8 },
  { arbitrary: engineIoPacket, weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
);
