/**
 * Reading `GET /metrics` as a scraper would: every line checked against the Prometheus text exposition
 * format (0.0.4), each sample kept under its name and labels as written, e.g.
 * `dong_soan_connections_closed_total{code="4403"}`.
 */

/** A metric or label name, as the format allows. */
const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
/** Go's float syntax, as Prometheus parses values: NaN and Inf in any case (prom-client writes `Nan`). */
const NUMBER = '(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[nN][aA][nN]|[+-]?[iI][nN][fF])';
const SAMPLE = new RegExp(`^(${NAME}(?:\\{(?:${LABEL}(?:,${LABEL})*,?)?\\})?) (${NUMBER})(?: -?\\d+)?$`);
const HELP = new RegExp(`^# HELP ${NAME} .*$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);

export interface Exposition {
  /** Each sample's value, keyed by its name and labels exactly as written. */
  samples: Map<string, number>;
  /** Each metric family's declared type. */
  types: Map<string, string>;
}

function toNumber(text: string): number {
  const lower = text.toLowerCase();
  if (lower === 'nan') return NaN;
  if (lower.endsWith('inf')) return lower.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}

/** Parses the text; throws naming the first line that is not in the format. */
export function parseExposition(text: string): Exposition {
  const samples = new Map<string, number>();
  const types = new Map<string, string>();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [index, line] of lines.entries()) {
    const type = TYPE.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    // The format ignores empty lines, and comments other than TYPE (HELP is one, checked for its name).
    if (line === '' || HELP.test(line) || (line.startsWith('#') && !/^# (?:HELP|TYPE) /.test(line))) continue;
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`line ${index + 1} is not Prometheus text: ${JSON.stringify(line)}`);
    samples.set(sample[1]!, toNumber(sample[2]!));
  }
  return { samples, types };
}

/** A sample's value; throws when the scrape lacks it (a missing series is a failure, not a 0). */
export function sample(exposition: Exposition, key: string): number {
  const value = exposition.samples.get(key);
  if (value === undefined) throw new Error(`no sample ${key} in the scrape`);
  return value;
}

/** Scrapes a server's `/metrics` and parses it. */
export async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ text: string; exposition: Exposition }> {
  const response = await fetch(`${url}/metrics`, { headers });
  if (response.status !== 200) throw new Error(`GET /metrics: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return { text, exposition: parseExposition(text) };
}
