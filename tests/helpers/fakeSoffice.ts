/**
 * A stand-in for LibreOffice's `soffice` (issue 10, item 3), written into a temporary folder as a small
 * Node program, for the tests of what the server does around it: one rendering at a time, a private
 * profile each, the timeout, a failure. It takes the same arguments (`--convert-to pdf --outdir <dir>
 * -env:UserInstallation=<url> <input>`) and writes `<outdir>/<input name>.pdf`, a PDF holding a random
 * nonce — so a second rendering of the same file would differ, and identical downloads prove the first one
 * was stored. It logs each run (`start <pid> <profile>`, `end <pid>`, `overlap`) to {@link FakeSoffice.events}.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeSofficeOptions {
  /** `hang`: the first run never ends (and starts a child that does not either); `fail`: the first run exits 1. */
  firstRun?: 'render' | 'hang' | 'fail';
  /** How long each run holds before writing its PDF, in ms (the fake's own timer). */
  holdMs?: number;
  /** Each run waits until {@link FakeSoffice.release} has been called. */
  gated?: boolean;
}

export interface FakeSoffice {
  /** The program's path, for the config's `pdf.soffice`. */
  path: string;
  /** The log, a line an event. */
  events(): Promise<string[]>;
  /** The process ids the hanging run wrote: itself and its child. */
  hungPids(): Promise<number[]>;
  /** Lets gated runs go on. */
  release(): Promise<void>;
  /** Removes the folder. */
  close(): Promise<void>;
}

const SCRIPT = (dir: string, options: Required<FakeSofficeOptions>) => `#!${process.execPath}
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const dir = ${JSON.stringify(dir)};
const log = (line) => fs.appendFileSync(path.join(dir, 'events.log'), line + '\\n');
const args = process.argv.slice(2);
const outdir = args[args.indexOf('--outdir') + 1];
const profile = (args.find((arg) => arg.startsWith('-env:UserInstallation=')) || '').slice('-env:UserInstallation='.length);
const input = args[args.length - 1];
const runs = path.join(dir, 'runs');
const run = fs.existsSync(runs) ? Number(fs.readFileSync(runs, 'utf8')) + 1 : 1;
fs.writeFileSync(runs, String(run));
const running = path.join(dir, 'running');
if (fs.existsSync(running)) log('overlap');
fs.writeFileSync(running, String(process.pid));
log('start ' + process.pid + ' ' + profile);
const first = ${JSON.stringify(options.firstRun)};
if (run === 1 && first === 'hang') {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  fs.writeFileSync(path.join(dir, 'hung'), process.pid + ' ' + child.pid);
  setInterval(() => {}, 1000);
  return;
}
if (run === 1 && first === 'fail') {
  fs.rmSync(running);
  process.stderr.write('fake soffice: conversion failed\\n');
  process.exit(1);
}
const finish = () => {
  const nonce = require('node:crypto').randomUUID();
  const pdf = '%PDF-1.4\\n% fake rendering ' + nonce + ' of ' + path.basename(input) + '\\n' + '%'.repeat(2000) + '\\n%%EOF\\n';
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(path.join(outdir, path.basename(input).replace(/\\.docx$/, '.pdf')), pdf);
  fs.rmSync(running);
  log('end ' + process.pid);
};
const go = () => setTimeout(finish, ${options.holdMs});
if (${options.gated}) {
  const wait = setInterval(() => {
    if (fs.existsSync(path.join(dir, 'release'))) {
      clearInterval(wait);
      go();
    }
  }, 10);
} else go();
`;

/** Writes the fake program; the caller closes it. */
export async function fakeSoffice(options: FakeSofficeOptions = {}): Promise<FakeSoffice> {
  const dir = await mkdtemp(join(tmpdir(), 'dong-soan-fake-soffice-'));
  const path = join(dir, 'soffice');
  await writeFile(path, SCRIPT(dir, { firstRun: 'render', holdMs: 0, gated: false, ...options }));
  await chmod(path, 0o755);
  const read = async (name: string) => readFile(join(dir, name), 'utf8').catch(() => '');
  return {
    path,
    async events() {
      return (await read('events.log')).split('\n').filter(Boolean);
    },
    async hungPids() {
      return (await read('hung')).split(' ').filter(Boolean).map(Number);
    },
    async release() {
      await writeFile(join(dir, 'release'), '');
    },
    async close() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
