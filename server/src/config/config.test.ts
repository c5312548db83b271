import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives safe defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.PORT).toBe(3000);
    expect(config.REDIS_PREFIX).toBe('sb');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('lists every invalid variable by name in one readable error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toContain('PORT:');
    expect(message).toContain('MONGODB_URI: must start with mongodb://');
    expect(message).toContain('LOG_LEVEL:');
    expect((error as ConfigError).problems).toHaveLength(3);
  });

  it('requires the public URL in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL: required in production/);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://support.example' }).PUBLIC_URL).toBe(
      'https://support.example',
    );
  });

  it('normalises origin lists and defaults widget origins by environment', () => {
    const config = loadConfig({ WIDGET_ALLOWED_ORIGINS: 'https://shop.example/path, http://localhost:5173' });
    expect(config.WIDGET_ALLOWED_ORIGINS).toEqual(['https://shop.example', 'http://localhost:5173']);
    expect(loadConfig({}).WIDGET_ALLOWED_ORIGINS).toEqual(['*']);
    const production = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://support.example' });
    expect(production.WIDGET_ALLOWED_ORIGINS).toEqual([]);
    expect(() => loadConfig({ AGENT_ALLOWED_ORIGINS: 'not a url' })).toThrow(/AGENT_ALLOWED_ORIGINS/);
  });

  it('takes an INSTANCE_ID that fits in a session id and an nginx map pattern', () => {
    expect(loadConfig({}).INSTANCE_ID).toBeUndefined();
    expect(loadConfig({ INSTANCE_ID: 'n2' }).INSTANCE_ID).toBe('n2');
    expect(() => loadConfig({ INSTANCE_ID: 'N-2' })).toThrow(/INSTANCE_ID/);
  });

  it('reads TRUST_PROXY as hops or proxy addresses, never as "believe every hop"', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    // `true` is one proxy (the documented nginx), not Express's "trust the left-most entry".
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '99' })).toThrow(/TRUST_PROXY/);
  });

  it('reads file sizes with binary units and refuses types it cannot recognise from the bytes', () => {
    const config = loadConfig({ ATTACHMENT_MAX_BYTES: '5MB', ATTACHMENT_CONVERSATION_BYTES: '512KB' });
    expect(config.ATTACHMENT_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(config.ATTACHMENT_CONVERSATION_BYTES).toBe(512 * 1024);
    expect(loadConfig({}).ATTACHMENT_TYPES).toEqual([
      'image/jpeg',
      'image/png',
      'image/webp',
      'image/gif',
      'application/pdf',
    ]);
    expect(loadConfig({ ATTACHMENT_TYPES: ' image/PNG , application/pdf' }).ATTACHMENT_TYPES).toEqual([
      'image/png',
      'application/pdf',
    ]);
    expect(() => loadConfig({ ATTACHMENT_TYPES: 'image/svg+xml,text/html' })).toThrow(
      /ATTACHMENT_TYPES: unknown or unsupported types: image\/svg\+xml, text\/html/,
    );
    expect(() => loadConfig({ ATTACHMENT_MAX_BYTES: 'ten megabytes' })).toThrow(/ATTACHMENT_MAX_BYTES/);
  });

  it('keeps files in GridFS unless told s3, and then takes the S3 settings that go together', () => {
    expect(loadConfig({}).ATTACHMENT_STORE).toBe('gridfs');
    const s3 = loadConfig({
      ATTACHMENT_STORE: 's3',
      S3_BUCKET: 'switchboard-files',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(s3).toMatchObject({ ATTACHMENT_STORE: 's3', S3_BUCKET: 'switchboard-files', S3_REGION: 'us-east-1' });
    // AWS itself, credentials from its own chain.
    expect(loadConfig({ ATTACHMENT_STORE: 's3', S3_BUCKET: 'files.example', S3_REGION: 'eu-west-3' }).S3_REGION).toBe(
      'eu-west-3',
    );
  });

  it('names every S3 setting that is missing, malformed or set without the S3 store', () => {
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    };
    expect(problems({ ATTACHMENT_STORE: 's3' })).toEqual(['S3_BUCKET: required when ATTACHMENT_STORE is s3']);
    expect(problems({ ATTACHMENT_STORE: 's3', S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'key' })).toEqual([
      "S3_SECRET_ACCESS_KEY: required with the other S3 key (set both, or neither to use the AWS SDK's own)",
    ]);
    expect(problems({ S3_BUCKET: 'files', S3_ENDPOINT: 'http://127.0.0.1:9000' })).toEqual([
      'S3_ENDPOINT: set, but ATTACHMENT_STORE is not s3',
      'S3_BUCKET: set, but ATTACHMENT_STORE is not s3',
    ]);
    const malformed = problems({
      ATTACHMENT_STORE: 'disk',
      S3_BUCKET: 'My_Bucket',
      S3_ENDPOINT: 'ftp://files.example',
      S3_FORCE_PATH_STYLE: 'maybe',
    });
    expect(malformed.map((problem) => problem.split(':')[0])).toEqual([
      'ATTACHMENT_STORE',
      'S3_ENDPOINT',
      'S3_BUCKET',
      'S3_FORCE_PATH_STYLE',
    ]);
    expect(malformed[1]).toBe('S3_ENDPOINT: an http:// or https:// URL');
  });
});
