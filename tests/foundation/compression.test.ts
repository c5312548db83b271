import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, still encoded. */
  body: Buffer;
}

/** A GET that shows the answer as it travels (fetch would decode it and choose the encodings itself). */
function rawGet(url: string, acceptEncoding?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

const decoded = ({ headers, body }: RawAnswer) =>
  headers['content-encoding'] === 'br'
    ? brotliDecompressSync(body)
    : headers['content-encoding'] === 'gzip'
      ? gunzipSync(body)
      : body;

describe('compression', () => {
  let server: TestServer;
  let agentScript: string;
  let widgetScript: string;
  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    const scriptOf = async (page: string) =>
      /<script[^>]+src="([^"]+\.js)"/.exec(await (await fetch(`${server.url}${page}`)).text())![1]!;
    agentScript = await scriptOf('/agent/');
    widgetScript = await scriptOf('/widget/');
  });
  afterAll(() => server.stop());

  it('sends the build’s own brotli or gzip file as the browser accepts, the same bytes once decoded', async () => {
    for (const script of [agentScript, widgetScript]) {
      const plain = await rawGet(`${server.url}${script}`);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/Accept-Encoding/i);

      const brotli = await rawGet(`${server.url}${script}`, 'gzip, deflate, br');
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(brotli.headers['cache-control']).toMatch(/immutable/);
      expect(brotli.headers.vary).toMatch(/Accept-Encoding/i);
      expect(brotli.body.length).toBeLessThan(plain.body.length / 2);
      expect(decoded(brotli).equals(plain.body)).toBe(true);

      const gzip = await rawGet(`${server.url}${script}`, 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(decoded(gzip).equals(plain.body)).toBe(true);
    }
  });

  it('compresses API answers when asked, and leaves them alone when not', async () => {
    const plain = await rawGet(`${server.url}/metrics`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzip = await rawGet(`${server.url}/metrics`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/i);
    expect(decoded(gzip).toString()).toMatch(/^# HELP /m);
    const brotli = await rawGet(`${server.url}/metrics`, 'br');
    expect(brotli.headers['content-encoding']).toBe('br');
  });

  it('leaves Socket.IO’s own answers to Socket.IO', async () => {
    const handshake = await rawGet(`${server.url}/socket.io/?EIO=4&transport=polling`, 'gzip, br');
    expect(handshake.status).toBe(200);
    // engine.io compresses only past its own threshold: a handshake goes out as it is.
    expect(handshake.headers['content-encoding']).toBeUndefined();
    expect(handshake.body.toString()).toMatch(/^0\{"sid"/);
  });
});
