/**
 * Compiles the server for `npm start` (part of `npm run build`): esbuild bundles server/main.ts and the
 * export worker (server/export/exportWorker.ts) into dist/server/main.js and dist/server/exportWorker.js,
 * for Node 20 as ES modules. Packages stay imports of node_modules (better-sqlite3 is native; nothing is
 * vendored); only the project's own TypeScript (server/, common/) is bundled, so running the result needs
 * no tsx and no dev dependencies.
 *
 * The worker must sit beside main.js: the export pool looks for `./exportWorker.js` next to the code that
 * runs it. config.ts finds templates/ and client/dist from the nearest package.json above dist/server.
 *
 * Usage: node scripts/buildServer.mjs [--outdir dist/server]
 */
import { rm } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist/server' } } });
const outdir = resolve(values.outdir);

await rm(outdir, { recursive: true, force: true });
const started = performance.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'server/main.ts', exportWorker: 'server/export/exportWorker.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
});
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
const summary = outputs.map(([file, { bytes }]) => `${relative(root, resolve(root, file))} (${Math.round(bytes / 1024)} kB)`);
console.log(`server built in ${Math.round(performance.now() - started)} ms: ${summary.join(', ')}`);
