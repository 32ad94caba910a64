/**
 * The deployment for a province (issue 11, item 7) read as text, never run: docker-compose.yml,
 * deploy/nginx.conf, deploy/.env.example and the Dockerfile, checked against each other and against what
 * the server needs. Nothing here pulls an image or builds one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { MAX_SIGNED_COPY_BYTES } from '../../../common/signedCopy.js';
import { loadConfig } from '../../../server/config.js';
import { execForm, parseCopy, parseDockerfile } from './dockerfile.js';
import {
  all,
  bytes,
  effectiveProxyHeaders,
  effectiveValue,
  everywhere,
  one,
  parseNginxConfig,
  seconds,
} from './nginxConfig.js';

const root = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

// The parts of a compose file these tests read; everything else is left out by zod.
const serviceSchema = z.object({
  image: z.string().optional(),
  build: z.unknown().optional(),
  environment: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  healthcheck: z.object({ test: z.array(z.string()) }).optional(),
  depends_on: z.union([z.array(z.string()), z.record(z.string(), z.object({ condition: z.string() }))]).optional(),
  stop_grace_period: z.string().optional(),
  ports: z.array(z.string()).optional(),
  volumes: z.array(z.string()).optional(),
});
type Service = z.infer<typeof serviceSchema>;

const composeText = read('docker-compose.yml');
// `merge`: the apps share their settings through one `<<: *app` anchor.
const composeDoc: unknown = parse(composeText, { merge: true });
const compose = z.object({ services: z.record(z.string(), serviceSchema) }).parse(composeDoc);
const services = compose.services;
// The app instances are the services built from the Dockerfile: app1–3, and app4 … when a province adds some.
const appNames = Object.keys(services).filter((name) => services[name]?.build !== undefined);
const apps = appNames.map((name) => [name, services[name]] as const);

/** Every string value in the parsed document, however deep (comments are not values). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The variables compose interpolates: `${NAME}`, `${NAME:-default}`, `${NAME:?message}`, `$NAME`; not `$$`. */
function interpolated(text: string): Set<string> {
  const names = [...text.matchAll(/\$(\$|\{([A-Za-z_]\w*)[^}]*\}|([A-Za-z_]\w*))/g)].map((match) => match[2] ?? match[3]);
  return new Set(names.filter((name): name is string => name !== undefined));
}

/** `value` as compose would give it, with `given` for the variables set and their defaults for the rest. */
function substitute(value: string, given: Record<string, string>): string {
  return value.replace(/\$\{([A-Za-z_]\w*)(?::?([-?])([^}]*))?\}/g, (_, name: string, operator?: string, word?: string) =>
    given[name] ?? (operator === '-' ? (word ?? '') : `<${name}>`),
  );
}

function environment(service: Service | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(service?.environment ?? {}).map(([key, value]) => [key, String(value)]));
}

function dependsOn(service: Service | undefined): Record<string, string> {
  const depends = service?.depends_on ?? {};
  if (Array.isArray(depends)) return Object.fromEntries(depends.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(depends).map(([name, { condition }]) => [name, condition]));
}

const envExample = read('deploy/.env.example');
const exampleValues = Object.fromEntries(
  [...envExample.matchAll(/^([A-Z_][A-Z0-9_]*)=(.*)$/gm)].map((match) => [match[1]!, match[2]!.trim()]),
);

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, Redis, three app instances and a proxy, nothing else', () => {
    expect(appNames).toEqual(expect.arrayContaining(['app1', 'app2', 'app3']));
    expect(Object.keys(services).filter((name) => !appNames.includes(name)).sort()).toEqual(['postgres', 'proxy', 'redis']);
    expect(services.postgres?.image).toMatch(/^postgres:16/);
    expect(services.redis?.image).toMatch(/^redis:7/);
    expect(services.proxy?.image).toMatch(/^nginx:1\.27/);
  });

  it('builds all three instances from the one Dockerfile, as one image with one environment', () => {
    const [first, ...rest] = apps.map(([, service]) => service);
    expect(first?.build).toBe('.');
    expect(first?.image).toBeTruthy();
    for (const service of rest) {
      expect(service?.build).toEqual(first?.build);
      expect(service?.image).toBe(first?.image);
      expect(service?.environment).toEqual(first?.environment);
      expect(service?.healthcheck).toEqual(first?.healthcheck);
    }
    expect(existsSync(resolve(root, 'Dockerfile'))).toBe(true);
  });

  it('points every instance at the postgres and redis services and listens on all interfaces', () => {
    for (const [name, service] of apps) {
      const env = environment(service);
      const database = new URL(substitute(env.DATABASE_URL ?? '', { POSTGRES_PASSWORD: 'secret' }));
      expect(database.protocol, name).toMatch(/^postgres(ql)?:$/);
      expect(database.hostname, name).toBe('postgres');
      expect(database.username, name).toBe(environment(services.postgres).POSTGRES_USER);
      expect(database.pathname, name).toBe(`/${environment(services.postgres).POSTGRES_DB}`);
      expect(database.password, name).toBe('secret');
      const redis = new URL(env.REDIS_URL ?? '');
      expect(redis.protocol, name).toBe('redis:');
      expect(redis.hostname, name).toBe('redis');
      expect(env.HOST, name).toBe('0.0.0.0');
      expect(env.PORT, name).toBe('3000');
    }
  });

  it('sets only variables the server reads (server/config.ts)', () => {
    const config = read('server/config.ts');
    for (const key of Object.keys(environment(services.app1))) {
      expect(config, `${key} is not read by server/config.ts`).toMatch(new RegExp(`^\\s+${key}: z\\b`, 'm'));
    }
  });

  it('starts with the example settings: the server accepts every value compose gives it', () => {
    const filled = { ...exampleValues, POSTGRES_PASSWORD: 'a1b2c3d4e5f6', ADMIN_PASSWORD: 'an-admin-password' };
    const env = Object.fromEntries(Object.entries(environment(services.app1)).map(([key, value]) => [key, substitute(value, filled)]));
    const config = loadConfig(env);
    expect(config.host).toBe('0.0.0.0');
    expect(config.auth.seedDemo).toBe(false);
    expect(config.auth.sessions.secureCookie).toBe(true);
  });

  it('checks each instance with GET /api/health on its own port', () => {
    for (const [name, service] of apps) {
      const test = service?.healthcheck?.test.join(' ') ?? '';
      expect(test, name).toContain(`http://127.0.0.1:${environment(service).PORT}/api/health`);
      expect(test, name).toMatch(/process\.exit\(r\.ok\?0:1\)/);
    }
  });

  it('starts the instances once PostgreSQL and Redis are healthy, and gives SIGTERM time to flush rooms', () => {
    expect(services.postgres?.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(services.redis?.healthcheck?.test.join(' ')).toContain('ping');
    for (const [name, service] of apps) {
      expect(dependsOn(service), name).toMatchObject({ postgres: 'service_healthy', redis: 'service_healthy' });
      expect(seconds(service?.stop_grace_period ?? '0s'), name).toBeGreaterThanOrEqual(30);
    }
  });

  it('keeps PostgreSQL on a volume and nothing of Redis on disk', () => {
    expect(services.postgres?.volumes?.some((volume) => volume.endsWith(':/var/lib/postgresql/data'))).toBe(true);
    expect(composeText).toMatch(/--save", "", "--appendonly", "no"/);
  });
});

describe('deploy/.env.example', () => {
  const used = interpolated(strings(composeDoc).join('\n'));

  it('documents every variable docker-compose.yml uses, and none it does not', () => {
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((name) => !(name in exampleValues))).toEqual([]);
    expect(Object.keys(exampleValues).filter((name) => !used.has(name))).toEqual([]);
  });

  it('commits no password: each is empty and compose refuses to start without it', () => {
    const secrets = Object.keys(exampleValues).filter((name) => /PASSWORD|SECRET/.test(name));
    expect(secrets.length).toBeGreaterThan(0);
    for (const name of secrets) {
      expect(exampleValues[name], name).toBe('');
      expect(composeText, name).toMatch(new RegExp(`\\$\\{${name}:\\?`));
    }
  });

  it('commits no token either: an optional one (METRICS_TOKEN) is empty', () => {
    const tokens = Object.keys(exampleValues).filter((name) => /TOKEN/.test(name));
    expect(tokens).toContain('METRICS_TOKEN');
    for (const name of tokens) expect(exampleValues[name], name).toBe('');
  });

  it('runs a province without the demo workspace by default', () => {
    expect(exampleValues.DEMO).toBe('0');
  });
});

describe('deploy/nginx.conf', () => {
  const volume = services.proxy?.volumes?.find((entry) => entry.includes(':/etc/nginx/nginx.conf')) ?? '';
  const configPath = volume.split(':')[0]!;
  const config = parseNginxConfig(read(configPath));
  const http = one(config, 'http').block!;
  const server = one(http, 'server').block!;
  const collab = one(server, 'location', '/collab/').block!;
  const upstreamName = /^http:\/\/([\w-]+)$/.exec(one(collab, 'proxy_pass').args[0] ?? '')?.[1] ?? '';
  const upstream = one(http, 'upstream', upstreamName).block!;
  const port = environment(services.app1).PORT;

  it('is the file the proxy mounts, and the proxy publishes the port nginx listens on', () => {
    expect(configPath).toBe('./deploy/nginx.conf');
    expect(existsSync(resolve(root, configPath))).toBe(true);
    const listen = one(server, 'listen').args[0];
    expect(services.proxy?.ports?.some((mapping) => mapping.endsWith(`:${listen}`))).toBe(true);
  });

  it('balances over exactly the app instances, with nothing sticky', () => {
    const servers = all(upstream, 'server').map((directive) => directive.args[0]);
    expect(servers.sort()).toEqual(appNames.sort().map((name) => `${name}:${port}`));
    for (const sticky of ['ip_hash', 'hash', 'sticky', 'sticky_cookie_insert']) {
      expect(everywhere(config, sticky), sticky).toEqual([]);
    }
  });

  it('sends every location that proxies to the instances to that one upstream', () => {
    const proxied = all(server, 'location').filter((location) => all(location.block!, 'proxy_pass').length > 0);
    expect(proxied.length).toBeGreaterThan(1);
    for (const location of proxied) expect(one(location.block!, 'proxy_pass').args, location.args.join(' ')).toEqual([`http://${upstreamName}`]);
  });

  it('upgrades websockets on /collab/ and keeps them open for an hour', () => {
    const levels = [http, server, collab];
    expect(effectiveValue(levels, 'proxy_http_version')).toEqual(['1.1']);
    const headers = effectiveProxyHeaders(levels);
    expect(headers.get('upgrade')).toBe('$http_upgrade');
    const connection = headers.get('connection') ?? '';
    if (connection !== 'upgrade') {
      // A variable made by a map from $http_upgrade, which gives "upgrade" to a handshake.
      const map = one(http, 'map', '$http_upgrade', connection).block!;
      expect(one(map, 'default').args).toEqual(['upgrade']);
    }
    expect(seconds(effectiveValue(levels, 'proxy_read_timeout')?.[0] ?? '60s')).toBeGreaterThanOrEqual(3600);
  });

  it('passes the Host with its port, the client address and a request id to every location', () => {
    const proxied = all(server, 'location').filter((location) => all(location.block!, 'proxy_pass').length > 0);
    for (const location of proxied) {
      const headers = effectiveProxyHeaders([http, server, location.block!]);
      const where = location.args.join(' ');
      // server/auth/crossSite.ts compares Origin's host:port with Host: `$host` would drop the port.
      expect(headers.get('host'), where).toBe('$http_host');
      expect(headers.get('x-forwarded-for'), where).toBe('$proxy_add_x_forwarded_for');
      expect(headers.get('x-request-id'), where).toMatch(/^\$/);
    }
  });

  it('lets the largest signed copy the server accepts through', () => {
    const size = effectiveValue([http, server], 'client_max_body_size')?.[0] ?? '1m';
    expect(bytes(size)).toBeGreaterThanOrEqual(MAX_SIGNED_COPY_BYTES);
  });
});

describe('Dockerfile', () => {
  const stages = parseDockerfile(read('Dockerfile'));
  const final = stages[stages.length - 1]!;
  const ignored = read('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const isIgnored = (path: string) => {
    const clean = path.replace(/^\.\//, '').replace(/\/$/, '');
    return ignored.some((pattern) => clean === pattern || clean.startsWith(`${pattern}/`));
  };

  it('builds on node:20-bookworm-slim in stages and runs as node', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toBe('node:20-bookworm-slim');
    const users = final.instructions.filter((instruction) => instruction.keyword === 'USER');
    expect(users.at(-1)?.args).toBe('node');
  });

  it('runs dist/server/main.js, as `npm start` does after building', () => {
    const cmd = final.instructions.filter((instruction) => instruction.keyword === 'CMD').at(-1);
    expect(execForm(cmd?.args ?? '')).toEqual(['node', 'dist/server/main.js']);
    const start = z.object({ scripts: z.object({ start: z.string() }) }).parse(JSON.parse(read('package.json'))).scripts.start;
    expect(start).toMatch(/&& node dist\/server\/main\.js$/);
  });

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    const fromContext = stages.flatMap((stage) =>
      stage.instructions
        .filter((instruction) => instruction.keyword === 'COPY')
        .map((instruction) => parseCopy(instruction.args))
        .filter((copy) => copy.from === undefined),
    );
    expect(fromContext.length).toBeGreaterThan(0);
    for (const source of fromContext.flatMap((copy) => copy.sources)) {
      expect(existsSync(resolve(root, source)), `${source} exists`).toBe(true);
      expect(isIgnored(source), `${source} is in .dockerignore`).toBe(false);
    }
  });

  it('gives the running image what dist/server needs: packages, the built client and the templates', () => {
    const copied = final.instructions
      .filter((instruction) => instruction.keyword === 'COPY')
      .flatMap((instruction) => parseCopy(instruction.args).sources)
      .map((source) => source.replace(/^\/app\//, '').replace(/^\.\//, ''));
    for (const needed of ['package.json', 'node_modules', 'dist', 'client/dist', 'templates']) {
      expect(copied, needed).toContain(needed);
    }
    const build = stages.slice(0, -1).flatMap((stage) => stage.instructions.map((instruction) => instruction.args));
    expect(build.some((args) => /\bnpm ci\b/.test(args))).toBe(true);
    expect(build.some((args) => /\bnpm run build\b/.test(args))).toBe(true);
  });
});
