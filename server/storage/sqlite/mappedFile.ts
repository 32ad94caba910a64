/**
 * Files mapped into memory (native/mappedFile.c, built at `npm ci` by scripts/buildNative.mjs): what the
 * append journal writes through (appendJournal.ts). Where the addon could not be built, {@link loadMappedFiles}
 * says why and the store appends to SQLite directly.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot } from '../../projectRoot.js';

/** A mapped file: `buffer` is its bytes, shared with the operating system's cache of the file. */
export interface Mapping {
  readonly buffer: ArrayBuffer;
}

export interface MappedFiles {
  /**
   * Maps `size` bytes of the file at `path` (created, and its disk space allocated, when needed), holding an
   * exclusive lock on it: throws an Error with code 'EBUSY' while another mapping of the file is open.
   */
  map(path: string, size: number): Mapping;
  /** Unmaps the file and releases its lock; the buffer is detached (reads as empty) from then on. */
  unmap(mapping: Mapping): void;
}

export const ADDON_PATH = join(projectRoot(import.meta.dirname), 'native', 'build', 'mappedFile.node');

/** The addon, or the reason it cannot be used (not built: no C compiler or no Node headers at install). */
export function loadMappedFiles(path: string = ADDON_PATH): MappedFiles | Error {
  try {
    return createRequire(import.meta.url)(path) as MappedFiles;
  } catch (error) {
    return new Error(`${path} could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); run \`node scripts/buildNative.mjs\``);
  }
}
