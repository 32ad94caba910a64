/**
 * The servers the bench runs, compiled as an operator runs them: the product by the same recipe as
 * `npm start` (scripts/buildServer.mjs: esbuild, plain `node`, no tsx), and the plain y-websocket reference
 * (bench/plainServer.ts) bundled the same way, so neither pays for a TypeScript loader (tsx keeps function
 * names by wrapping every closure it creates, which costs the product's hot path a few per cent). Built once per bench
 * run into dist/bench-servers/ (the product's templates and client are found from the package.json above it).
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const outdir = join(root, 'dist', 'bench-servers');

export interface BuiltServers {
  /** The product's entry point, as `npm start` runs it. */
  product: string;
  /** The plain in-memory y-websocket server. */
  plain: string;
}

let built: Promise<BuiltServers> | null = null;

/** Builds both servers the first time it is called; later calls share that build. */
export function builtServers(): Promise<BuiltServers> {
  built ??= buildBoth();
  return built;
}

async function buildBoth(): Promise<BuiltServers> {
  // The production recipe first: it empties its outdir.
  await run(process.execPath, [join(root, 'scripts/buildServer.mjs'), '--outdir', outdir]);
  const plain = join(outdir, 'plainServer.js');
  await build({
    absWorkingDir: root,
    entryPoints: ['bench/plainServer.ts'],
    outfile: plain,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    logLevel: 'warning',
  });
  return { product: join(outdir, 'main.js'), plain };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${args[0]} exited with ${code}`))));
  });
}
