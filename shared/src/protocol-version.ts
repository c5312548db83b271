/**
 * Version of the real-time protocol. Clients send it in the Socket.IO
 * handshake; the server refuses other versions with `PROTOCOL_VERSION_UNSUPPORTED`
 * so an old widget cached on a customer's page fails clearly instead of
 * misreading events. Bump it on any breaking change to an event or schema.
 */
export const PROTOCOL_VERSION = 1;
