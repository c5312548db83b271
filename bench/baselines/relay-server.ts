/**
 * The baseline: a bare Socket.IO room relay, as fast as Socket.IO on this
 * machine gets. Websocket only, no adapter, no validation, no storage. A
 * client joins rooms, `send` broadcasts to the room with `io.to(room).emit`
 * (every member, the sender's own socket included, as Switchboard's
 * `message.created` reaches the customer's and the agent's sockets) and acks.
 *
 *   PORT=0 node --import tsx bench/baselines/relay-server.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

interface Relayed {
  room: string;
  id: string;
  body: string;
}

const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false, maxHttpBufferSize: 64 * 1024 });

io.on('connection', (socket) => {
  socket.on('join', (rooms: string[], ack: () => void) => {
    void socket.join(rooms);
    ack();
  });
  socket.on('send', (message: Relayed, ack: (result: { ok: true; data: { id: string } }) => void) => {
    io.to(message.room).emit('msg', message);
    ack({ ok: true, data: { id: message.id } });
  });
});

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  process.stdout.write(`relay listening on http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => {
  void io.close(() => process.exit(0));
});
