/**
 * The server as `npm start` runs it: compiled by scripts/buildServer.mjs and started with plain `node`, no tsx.
 * Built into a fresh directory under .tmp/ (inside the project, so config.ts finds templates/ from it, as it
 * does from dist/server), removed on close.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ADMIN_PASSWORD } from '../../../helpers/startServer.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../../..');

export interface CompiledServer {
  url: string;
  /** Everything the process printed. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Kills the process if it still runs and removes the build. */
  close(): Promise<void>;
}

/** Builds the server and starts `node <build>/server/main.js` on a free port with an empty store in `dataDir`. */
export async function startCompiledServer(dataDir: string): Promise<CompiledServer> {
  const buildDir = join(root, '.tmp', `compiled-${randomBytes(6).toString('hex')}`);
  const removeBuild = () => rm(buildDir, { recursive: true, force: true });
  await run(process.execPath, [join(root, 'scripts/buildServer.mjs'), '--outdir', join(buildDir, 'server')], { cwd: root });
  const child = spawn(process.execPath, [join(buildDir, 'server/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADMIN_PASSWORD, DEMO: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    await removeBuild();
  };
  try {
    const port = await new Promise<number>((done, fail) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
        if (match) done(Number(match[1]));
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      void exited.then((code) => fail(new Error(`compiled server exited (${code}) before listening:\n${output}`)));
    });
    return {
      url: `http://127.0.0.1:${port}`,
      output: () => output,
      stop: () => {
        child.kill('SIGTERM');
        return exited;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
