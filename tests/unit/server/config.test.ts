import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, MAX_PENDING_BYTES } from '../../../common/limits.js';
import { ConfigError, defaultConfig, loadConfig } from '../../../server/config.js';

const root = resolve(import.meta.dirname, '../../..');

/** The error `loadConfig(env)` throws; fails the test when it does not throw one. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig(${JSON.stringify(env)}) did not throw`);
}

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(resolve('data'));
    expect(config.logLevel).toBe('info');
    expect(config.templatesDir).toBe(resolve(root, 'templates'));
    expect(config.clientDir).toBe(resolve(root, 'client/dist'));
    expect(config.collab.maxMessageBytes).toBe(MAX_MESSAGE_BYTES);
  });

  it('reads PORT, HOST, DATA_DIR and LOG_LEVEL', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/var/lib/dong-soan', LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/var/lib/dong-soan', logLevel: 'warn' });
  });

  it('makes a relative DATA_DIR absolute', () => {
    expect(loadConfig({ DATA_DIR: 'some/where' }).dataDir).toBe(resolve('some/where'));
  });

  it.each([['0', 0], ['1', 1], ['65535', 65535]])('accepts PORT=%s', (value, port) => {
    expect(loadConfig({ PORT: value }).port).toBe(port);
  });

  it('ignores variables it does not know, as the real environment has many', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root', NODE_ENV: 'test' }).port).toBe(3000);
  });

  it('refuses PORT=abc with one line that starts with PORT and shows the value', () => {
    const error = configError({ PORT: 'abc' });
    expect(error.message.startsWith('PORT')).toBe(true);
    expect(error.message).toContain('"abc"');
    expect(error.message).not.toContain('\n');
    expect(error.name).toBe('ConfigError');
  });

  it.each(['70000', '65536'])('refuses PORT=%s, above the highest port', (value) => {
    const error = configError({ PORT: value });
    expect(error.message).toMatch(/^PORT: /);
    expect(error.message).toContain('65535');
  });

  it.each(['-1', '80.5', '1e3', ' 80', '0x50'])('refuses PORT=%j, which is not a whole number', (value) => {
    expect(configError({ PORT: value }).message).toMatch(/^PORT: must be a whole number/);
  });

  it('treats empty variables as unset, as shells and .env files often leave them', () => {
    const config = loadConfig({ HOST: '', DATA_DIR: '', PORT: '' });
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(resolve('data'));
  });

  it('refuses an unknown LOG_LEVEL, naming it', () => {
    expect(configError({ LOG_LEVEL: 'verbose' }).message).toMatch(/^LOG_LEVEL: /);
  });

  it('reads DATABASE_URL, REDIS_URL and REDIS_PREFIX (issue 11)', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app:secret@db:5432/dong_soan', REDIS_URL: 'redis://cache:6379', REDIS_PREFIX: 'tinh-a' });
    expect(config.scale).toMatchObject({ databaseUrl: 'postgres://app:secret@db:5432/dong_soan', redisUrl: 'redis://cache:6379', redisPrefix: 'tinh-a' });
    expect(loadConfig({}).scale).toMatchObject({ databaseUrl: null, redisUrl: null, redisPrefix: 'dong-soan' });
    // Unset, the prefix follows the database: its instances share rooms, another database's never hear them.
    const prefixOf = (url: string) => loadConfig({ DATABASE_URL: url, REDIS_URL: 'redis://cache:6379' }).scale.redisPrefix;
    expect(prefixOf('postgres://a:x@db:5432/tinh_a')).toBe(prefixOf('postgres://b:y@db/tinh_a'));
    expect(prefixOf('postgres://a:x@db:5432/tinh_a')).not.toBe(prefixOf('postgres://a:x@db:5432/tinh_b'));
    expect(prefixOf('postgres://a:x@db:5432/tinh_a')).toMatch(/^dong-soan-[0-9a-f]{12}$/);
  });

  it('refuses a DATABASE_URL that is not a postgres:// URL, naming it without printing the password', () => {
    const error = configError({ DATABASE_URL: 'mysql://app:secret@db:5432/dong_soan' });
    expect(error.message).toMatch(/^DATABASE_URL: /);
    expect(error.message).not.toContain('\n');
    // The URL carries a password; a start-up line must not print it.
    expect(error.message).not.toContain('secret');
  });

  it('refuses REDIS_URL without DATABASE_URL: instances share rooms through PostgreSQL, not one SQLite file', () => {
    expect(configError({ REDIS_URL: 'redis://cache:6379' }).message).toMatch(/^REDIS_URL: .*DATABASE_URL/);
    expect(configError({ REDIS_URL: 'http://cache', DATABASE_URL: 'postgres://db/x' }).message).toMatch(/^REDIS_URL: /);
    expect(configError({ REDIS_PREFIX: 'a b', DATABASE_URL: 'postgres://db/x' }).message).toMatch(/^REDIS_PREFIX: /);
  });

  it('reads TRUST_PROXY as a number of proxies or a list of addresses, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(configError({ TRUST_PROXY: 'everyone' }).message).toMatch(/^TRUST_PROXY: /);
  });

  it('names the first bad variable when several are bad', () => {
    expect(configError({ PORT: 'x', DATABASE_URL: 'postgres://db/x' }).message).toMatch(/^PORT: /);
  });
});

describe('defaultConfig', () => {
  it('gives the defaults without reading the environment', () => {
    const config = defaultConfig();
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.collab).toEqual({
      maxMessageBytes: MAX_MESSAGE_BYTES,
      maxPendingBytes: expect.any(Number),
      maxBufferedBytes: expect.any(Number),
      idleUnloadMs: expect.any(Number),
      compactEvery: expect.any(Number),
      retryDelaysMs: expect.any(Array),
      syncIntervalMs: expect.any(Number),
      awarenessIntervalMs: expect.any(Number),
      maxAwarenessBytes: expect.any(Number),
      maxWaitingBytes: MAX_PENDING_BYTES,
      heartbeatMs: expect.any(Number),
      sessionCheckMs: expect.any(Number),
    });
    // A reader that stops reading is cut well before its backlog is a burden (issue 8).
    expect(config.collab.maxBufferedBytes).toBeLessThanOrEqual(16 * 1024 * 1024);
  });

  it('applies the overrides a test gives', () => {
    const config = defaultConfig({ port: 0, dataDir: '/tmp/x', logLevel: 'silent' });
    expect(config).toMatchObject({ port: 0, dataDir: '/tmp/x', logLevel: 'silent', host: '127.0.0.1' });
  });

  it('applies collab overrides', () => {
    const config = defaultConfig({ collab: { ...defaultConfig().collab, compactEvery: 3, idleUnloadMs: 0 } });
    expect(config.collab).toMatchObject({ compactEvery: 3, idleUnloadMs: 0, maxMessageBytes: MAX_MESSAGE_BYTES });
  });

  it('returns a fresh object each time, so one test cannot change another one', () => {
    const first = defaultConfig();
    first.collab.compactEvery = 1;
    first.port = 1;
    expect(defaultConfig().port).toBe(3000);
    expect(defaultConfig().collab.compactEvery).not.toBe(1);
  });
});

describe('loadConfig: accounts', () => {
  it('seeds the demo unless DEMO=0, and takes the admin password from ADMIN_PASSWORD', () => {
    expect(loadConfig({}).auth).toMatchObject({ seedDemo: true, adminPassword: null });
    expect(loadConfig({ DEMO: '0', ADMIN_PASSWORD: 'mat-khau-dai' }).auth).toMatchObject({
      seedDemo: false,
      adminPassword: 'mat-khau-dai',
    });
  });

  it('refuses a short ADMIN_PASSWORD and a DEMO that is not 0 or 1, naming them', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/^ADMIN_PASSWORD: /);
    expect(() => loadConfig({ DEMO: 'yes' })).toThrow(/^DEMO: /);
  });

  it('sets the session idle timeout and the Secure cookie flag', () => {
    const { sessions } = loadConfig({ SESSION_IDLE_MINUTES: '30', COOKIE_SECURE: '1' }).auth;
    expect(sessions).toMatchObject({ idleTimeoutMs: 30 * 60_000, secureCookie: true });
  });
});

describe('loadConfig: the issued report’s PDF (issue 10)', () => {
  it('looks for soffice in PATH for two minutes at most unless SOFFICE and PDF_TIMEOUT_SECONDS say otherwise', () => {
    expect(loadConfig({ PATH: '/usr/local/bin:/usr/bin' }).pdf).toMatchObject({ soffice: 'soffice', searchPath: '/usr/local/bin:/usr/bin', timeoutMs: 120_000 });
    expect(loadConfig({ SOFFICE: '/opt/libreoffice/program/soffice', PDF_TIMEOUT_SECONDS: '30' }).pdf).toMatchObject({
      soffice: '/opt/libreoffice/program/soffice',
      timeoutMs: 30_000,
    });
  });

  it('refuses a PDF_TIMEOUT_SECONDS that is not a whole number of seconds, naming it', () => {
    expect(() => loadConfig({ PDF_TIMEOUT_SECONDS: '0' })).toThrow(/^PDF_TIMEOUT_SECONDS: /);
    expect(() => loadConfig({ PDF_TIMEOUT_SECONDS: '1.5' })).toThrow(/^PDF_TIMEOUT_SECONDS: /);
  });
});
