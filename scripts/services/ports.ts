import net from 'node:net';

function listenOn(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : null;
      server.close(() => resolve(chosen));
    });
  });
}

/** The preferred port when it is free, otherwise any free loopback port. */
export async function freePort(preferred?: number): Promise<number> {
  if (preferred !== undefined) {
    const port = await listenOn(preferred);
    if (port !== null) return port;
  }
  const port = await listenOn(0);
  if (port === null) throw new Error('no free TCP port on 127.0.0.1');
  return port;
}
