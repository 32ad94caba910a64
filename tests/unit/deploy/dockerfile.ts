/**
 * Just enough of the Dockerfile format to check the project's Dockerfile in a test, without docker:
 * instructions (continuation lines joined, comments dropped) grouped by stage, and COPY's sources.
 */

export interface DockerInstruction {
  /** Upper-case: FROM, RUN, COPY … */
  keyword: string;
  /** Everything after the keyword, continuation lines joined. */
  args: string;
}

export interface DockerStage {
  /** The base image. */
  from: string;
  /** `AS name`, when given. */
  name?: string;
  /** The stage's instructions after its FROM. */
  instructions: DockerInstruction[];
}

/** The stages of a Dockerfile, in order; the last is the image that runs. */
export function parseDockerfile(text: string): DockerStage[] {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    // A comment line, also in the middle of a continued instruction, is dropped by docker.
    if (/^\s*#/.test(line)) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    current += line;
    if (current.trim() !== '') logical.push(current.trim());
    current = '';
  }
  if (current.trim() !== '') logical.push(current.trim());

  const stages: DockerStage[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [from = '', as, name] = args.split(/\s+/);
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (upper === 'ARG' && stages.length === 0) {
      continue; // an ARG before the first FROM belongs to no stage
    } else {
      const stage = stages[stages.length - 1];
      if (!stage) throw new Error(`Dockerfile: ${upper} before any FROM`);
      stage.instructions.push({ keyword: upper, args });
    }
  }
  return stages;
}

/** An exec-form (`["node", "x.js"]`) or shell-form instruction's words. */
export function execForm(args: string): string[] {
  if (args.startsWith('[')) return (JSON.parse(args) as unknown[]).map(String);
  return args.split(/\s+/);
}

export interface DockerCopy {
  /** `--from=stage`, or undefined when copying from the build context. */
  from?: string;
  sources: string[];
  destination: string;
}

/** A COPY instruction's flags, sources and destination. */
export function parseCopy(args: string): DockerCopy {
  const words = execForm(args);
  const flags = words.filter((word) => word.startsWith('--'));
  const paths = words.filter((word) => !word.startsWith('--'));
  const from = flags.find((flag) => flag.startsWith('--from='))?.slice('--from='.length);
  if (paths.length < 2) throw new Error(`COPY ${args}: needs a source and a destination`);
  return { from, sources: paths.slice(0, -1), destination: paths[paths.length - 1]! };
}
