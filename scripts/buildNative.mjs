/**
 * Builds the project's one native addon, native/mappedFile.c, into native/build/mappedFile.node: run by
 * `npm ci` / `npm install` (the package's `install` script), or by hand with `node scripts/buildNative.mjs`.
 * It needs a C compiler (`cc`, or $CC) and Node's headers (beside the node binary, or under npm's
 * `nodedir`); the same ones better-sqlite3 builds with when no prebuilt binary fits.
 *
 * Without them the install still succeeds: the server then appends each update to SQLite directly (slower,
 * as durable) and says so at start-up (server/storage/sqlite/mappedFile.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const source = join(root, 'native', 'mappedFile.c');
const output = join(root, 'native', 'build', 'mappedFile.node');

const includeDirs = [
  process.env.npm_config_nodedir && join(process.env.npm_config_nodedir, 'include', 'node'),
  join(dirname(process.execPath), '..', 'include', 'node'),
].filter((dir) => dir && existsSync(join(dir, 'node_api.h')));

if (includeDirs.length === 0) {
  console.warn('native/mappedFile.c not built: Node’s headers (node_api.h) were not found; updates are appended to SQLite directly.');
  process.exit(0);
}
mkdirSync(dirname(output), { recursive: true });
const compiler = process.env.CC || 'cc';
const args = ['-O2', '-std=c11', '-Wall', '-Wextra', '-fPIC', '-shared', `-I${includeDirs[0]}`, source, '-o', output];
try {
  execFileSync(compiler, args, { stdio: 'inherit' });
  console.log(`built ${output}`);
} catch (error) {
  console.warn(`native/mappedFile.c not built (${compiler}: ${error.message}); updates are appended to SQLite directly.`);
}
