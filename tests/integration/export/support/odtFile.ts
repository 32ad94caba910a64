/**
 * A .docx as LibreOffice reads it, saved as OpenDocument: its content.xml shows what LibreOffice made of the
 * file (for comments: `office:annotation` where a range starts, `office:annotation-end` where it ends).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';

const run = promisify(execFile);

/** The content.xml of the .odt LibreOffice makes of `docx`; every file it used is removed. */
export async function libreOfficeContent(docx: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dong-soan-odt-'));
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  try {
    const input = join(dir, 'report.docx');
    await writeFile(input, docx);
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'odt', '--outdir', dir, input], {
      timeout: 120_000,
    });
    const zip = await JSZip.loadAsync(await readFile(join(dir, 'report.odt')));
    const content = zip.file('content.xml');
    if (!content) throw new Error('no content.xml in the .odt');
    return await content.async('string');
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
