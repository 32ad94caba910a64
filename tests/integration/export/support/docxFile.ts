/**
 * Reading an exported .docx back in tests: its parts (jszip), whether each XML part is well-formed, its
 * paragraphs as a reader sees them (mammoth), and LibreOffice's PDF of it.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import mammoth from 'mammoth';

const run = promisify(execFile);

/** The parts of a .docx by name, as text. */
export async function docxParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) parts.set(name, await file.async('string'));
  }
  return parts;
}

/** A part that must be there. */
export function part(parts: Map<string, string>, name: string): string {
  const text = parts.get(name);
  if (text === undefined) throw new Error(`no ${name} in the file (has ${[...parts.keys()].join(', ')})`);
  return text;
}

/** Characters XML 1.0 does not allow (its `Char` production). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const BAD_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
const NAME = '[A-Za-z_][\\w.:-]*';
const TOKEN = new RegExp(
  `<!--[\\s\\S]*?-->|<\\?[\\s\\S]*?\\?>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>` +
    `|<\\/(${NAME})\\s*>` +
    `|<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(\\/?)>` +
    `|([^<]+)`,
  'y',
);

/**
 * Why `xml` is not well-formed XML 1.0, or null when it is: characters, tags balanced and properly nested,
 * quoted attributes without duplicates, valid references, no "]]>" in text, one root element.
 */
export function xmlProblem(xml: string): string | null {
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad) return `character U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}`;
  const open: string[] = [];
  let roots = 0;
  let position = 0;
  while (position < xml.length) {
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(xml);
    if (!match) return `malformed markup at ${position}: ${JSON.stringify(xml.slice(position, position + 60))}`;
    position = TOKEN.lastIndex;
    const [, close, name, attributes, empty, text] = match;
    if (close !== undefined) {
      if (open.pop() !== close) return `</${close}> closes nothing open at ${match.index}`;
    } else if (name !== undefined) {
      if (open.length === 0) roots += 1;
      const names = [...(attributes ?? '').matchAll(new RegExp(`(${NAME})\\s*=`, 'g'))].map((attribute) => attribute[1]);
      if (new Set(names).size !== names.length) return `duplicate attribute in <${name}> at ${match.index}`;
      if (BAD_REFERENCE.test(attributes ?? '')) return `bad reference in an attribute of <${name}> at ${match.index}`;
      if (empty !== '/') open.push(name);
    } else if (text !== undefined) {
      if (BAD_REFERENCE.test(text)) return `bad reference in text at ${match.index}`;
      if (text.includes(']]>')) return `"]]>" in text at ${match.index}`;
      if (open.length === 0 && text.trim() !== '') return `text outside the root at ${match.index}`;
    }
  }
  if (open.length > 0) return `<${open[open.length - 1]}> is never closed`;
  return roots === 1 ? null : `${roots} root elements`;
}

/** Every XML part of the file that is not well-formed, with why. */
export function malformedParts(parts: Map<string, string>): string[] {
  return [...parts]
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .flatMap(([name, xml]) => {
      const problem = xmlProblem(xml);
      return problem ? [`${name}: ${problem}`] : [];
    });
}

/**
 * Whitespace as one space, trimmed, and no-break hyphens (U+2011, Word's `w:noBreakHyphen`) as the hyphen
 * they print: how lines are compared (line breaks, wrapping and where a line may break do not count).
 */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').replace(/\u2011/g, '-').trim();

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/**
 * The file's paragraphs in reading order, as mammoth reads them (table cells row by row), each squashed;
 * empty ones left out. Headers are not part of it.
 */
export async function readParagraphs(bytes: Uint8Array): Promise<string[]> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const END = '\u0001';
  return decodeEntities(
    value
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<\/(p|td|th|li|h\d)>/g, END)
      .replace(/<[^>]*>/g, ''),
  )
    .split(END)
    .map(squash)
    .filter(Boolean);
}

/** A PDF made by LibreOffice from the file, in a fresh directory (and profile) that `cleanup` removes. */
export async function convertWithLibreOffice(bytes: Uint8Array, name = 'report'): Promise<{ pdf: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dong-soan-export-'));
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  const cleanup = async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const docx = join(dir, `${name}.docx`);
    await writeFile(docx, bytes);
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      timeout: 120_000,
    });
    return { pdf: join(dir, `${name}.pdf`), cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** `pdfinfo`'s fields. */
export async function pdfInfo(pdf: string): Promise<{ pages: number; pageSize: string }> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(stdout)?.[1] ?? '';
  return { pages: Number(field('Pages')), pageSize: field('Page size') };
}

/** The text of one page, laid out (`pdftotext -layout`). */
export async function pdfPageText(pdf: string, page: number): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-']);
  return stdout;
}
