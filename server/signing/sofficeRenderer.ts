/**
 * Word → PDF with LibreOffice (issue 10, item 3): `soffice --headless --convert-to pdf`, run in a private
 * temporary folder with a LibreOffice profile of its own (`-env:UserInstallation`), so that a run never
 * meets another one's lock files or a person's own LibreOffice; one run at a time (LibreOffice is heavy,
 * and a few waiting ones are enough: more are refused 503 `pdf_busy`); each killed, with everything it
 * started, after a timeout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors.js';
import { pdfBusy, pdfFailed, pdfUnavailable } from './signingErrors.js';

export interface PdfRenderOptions {
  /** The LibreOffice program: a path, or a name looked up in {@link searchPath} (`soffice`). */
  soffice: string;
  /** The folders a bare program name is looked up in, as `PATH` lists them. */
  searchPath: string;
  /** How long one rendering may take, in ms; then it is killed and answered 500 `pdf_failed`. */
  timeoutMs: number;
  /** How many renderings may wait for the one running; more are refused with 503 `pdf_busy`. */
  maxWaiting: number;
}

export interface PdfRenderer {
  /** Where the program is, or null when it is not installed (not found, or not executable). */
  locate(): Promise<string | null>;
  /** The PDF of a Word file. Throws 503 `pdf_unavailable` without LibreOffice, `pdf_busy`, or 500 `pdf_failed`. */
  render(docx: Uint8Array): Promise<Uint8Array>;
  /**
   * Kills a rendering under way (the server is stopping). Each runs in a process group of its own, so it
   * would not get the signal that stops the server.
   */
  close(): void;
}

/** What went wrong in a rendering, for the log (the caller answers 500 `pdf_failed`). */
export type RenderFailureLog = (error: unknown, details: { program: string; stderr: string }) => void;

/** The last bytes of LibreOffice's error output kept for the log. */
const STDERR_TAIL = 4096;

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function sofficeRenderer(options: PdfRenderOptions, onFailure: RenderFailureLog): PdfRenderer {
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  const running = new Set<ChildProcess>();

  async function locate(): Promise<string | null> {
    const { soffice, searchPath } = options;
    if (soffice.includes('/')) return isAbsolute(soffice) && (await isExecutable(soffice)) ? soffice : null;
    for (const folder of searchPath.split(delimiter)) {
      if (folder !== '' && isAbsolute(folder) && (await isExecutable(join(folder, soffice)))) return join(folder, soffice);
    }
    return null;
  }

  /** Runs `task` after every rendering queued before it. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    if (pending > options.maxWaiting) return Promise.reject(pdfBusy());
    pending++;
    const run = queue.then(task);
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run.finally(() => pending--);
  }

  return {
    locate,
    render(docx) {
      return exclusive(async () => {
        const program = await locate();
        if (!program) throw pdfUnavailable();
        const folder = await mkdtemp(join(tmpdir(), 'dong-soan-pdf-'));
        let stderr = '';
        try {
          const input = join(folder, 'report.docx');
          await writeFile(input, docx);
          stderr = await convert(program, folder, input, options.timeoutMs, running);
          const pdf = new Uint8Array(await readFile(join(folder, 'out', 'report.pdf')));
          if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new Error('LibreOffice wrote something that is not a PDF');
          return pdf;
        } catch (error) {
          if (error instanceof AppError) throw error;
          onFailure(error, { program, stderr: error instanceof ConversionError ? error.stderr : stderr });
          throw pdfFailed();
        } finally {
          await rm(folder, { recursive: true, force: true });
        }
      });
    },
    close() {
      for (const child of running) killGroup(child);
    },
  };
}

/** Kills `child` and whatever it started (its process group, which it leads), if it still runs. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** soffice ended badly: how, and what it printed. */
class ConversionError extends Error {
  override readonly name = 'ConversionError';
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/**
 * Runs the conversion into `<folder>/out`, with its profile in `<folder>/profile`; resolves with what it
 * printed on stderr when it exits 0. Its own process group, so that the timeout kills soffice.bin too.
 */
function convert(program: string, folder: string, input: string, timeoutMs: number, running: Set<ChildProcess>): Promise<string> {
  const args = [
    '--headless',
    '--invisible',
    '--norestore',
    '--nologo',
    '--nodefault',
    '--nolockcheck',
    `-env:UserInstallation=${pathToFileURL(join(folder, 'profile')).href}`,
    '--convert-to',
    'pdf',
    '--outdir',
    join(folder, 'out'),
    input,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    running.add(child);
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new ConversionError(`LibreOffice did not finish within ${timeoutMs} ms`, stderr));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      running.delete(child);
      reject(new ConversionError(`LibreOffice could not be started: ${error.message}`, stderr));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      if (code === 0) resolve(stderr);
      else reject(new ConversionError(`LibreOffice exited with ${code ?? signal}`, stderr));
    });
  });
}
