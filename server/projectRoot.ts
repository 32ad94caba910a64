/**
 * The project's root, the nearest directory above `from` holding package.json: `server/..` when run from the
 * source tree, `dist/server/../..` when run compiled (scripts/buildServer.mjs). Templates, the client's build
 * and the native addon (native/build) are found from it.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..');
  }
}
