/**
 * Just enough of nginx's configuration language to check deploy/nginx.conf in a test, without nginx:
 * directives, their arguments and blocks; comments and quotes as nginx reads them; and the way
 * `proxy_set_header` is inherited (all of a level's, or none: nginx takes them from the enclosing level
 * only when a level sets none of its own).
 */

export interface NginxDirective {
  name: string;
  args: string[];
  /** The directives inside `{ … }`, for `http`, `server`, `location`, `upstream`, `map` …. */
  block?: NginxDirective[];
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (char === '{' || char === '}' || char === ';') {
      tokens.push(char);
      i++;
    } else if (char === '"' || char === "'") {
      let value = '';
      for (i++; i < text.length && text[i] !== char; i++) value += text[i] === '\\' ? text[++i] : text[i];
      if (i >= text.length) throw new Error('nginx config: unterminated quote');
      tokens.push(value);
      i++;
    } else {
      let word = '';
      while (i < text.length && !/[\s{};]/.test(text[i]!)) word += text[i++];
      tokens.push(word);
    }
  }
  return tokens;
}

/** Parses a whole configuration; throws on unbalanced braces or a directive without its `;`. */
export function parseNginxConfig(text: string): NginxDirective[] {
  const tokens = tokenize(text);
  let at = 0;
  const readBlock = (nested: boolean): NginxDirective[] => {
    const directives: NginxDirective[] = [];
    for (;;) {
      const token = tokens[at];
      if (token === undefined) {
        if (nested) throw new Error('nginx config: a block is not closed');
        return directives;
      }
      at++;
      if (token === '}') {
        if (!nested) throw new Error('nginx config: an unexpected }');
        return directives;
      }
      const args: string[] = [];
      for (;;) {
        const next = tokens[at++];
        if (next === undefined) throw new Error(`nginx config: ${token} has no ; or {`);
        if (next === ';') {
          directives.push({ name: token, args });
          break;
        }
        if (next === '{') {
          directives.push({ name: token, args, block: readBlock(true) });
          break;
        }
        args.push(next);
      }
    }
  };
  return readBlock(false);
}

/** The directives named `name` directly in `directives`. */
export function all(directives: readonly NginxDirective[], name: string): NginxDirective[] {
  return directives.filter((directive) => directive.name === name);
}

/** The one directive named `name` (and with `args`, when given) directly in `directives`; throws otherwise. */
export function one(directives: readonly NginxDirective[], name: string, ...args: string[]): NginxDirective {
  const found = all(directives, name).filter((directive) => args.every((arg, i) => directive.args[i] === arg));
  if (found.length !== 1) throw new Error(`expected one "${[name, ...args].join(' ')}", found ${found.length}`);
  return found[0]!;
}

/** Every directive named `name` anywhere, however deep. */
export function everywhere(directives: readonly NginxDirective[], name: string): NginxDirective[] {
  return directives.flatMap((directive) => [
    ...(directive.name === name ? [directive] : []),
    ...everywhere(directive.block ?? [], name),
  ]);
}

/**
 * The request headers a location sends upstream, lower-cased name → value: its own `proxy_set_header`s,
 * or, when it has none, those of the nearest enclosing level that has some (`levels`: outermost first).
 */
export function effectiveProxyHeaders(levels: readonly (readonly NginxDirective[])[]): Map<string, string> {
  for (const level of [...levels].reverse()) {
    const headers = all(level, 'proxy_set_header');
    if (headers.length > 0) return new Map(headers.map((header) => [header.args[0]!.toLowerCase(), header.args[1] ?? '']));
  }
  return new Map();
}

/** The value of a directive that is inherited one by one (`proxy_read_timeout` …): the innermost wins. */
export function effectiveValue(levels: readonly (readonly NginxDirective[])[], name: string): string[] | undefined {
  for (const level of [...levels].reverse()) {
    const found = all(level, name);
    if (found.length > 0) return found[found.length - 1]!.args;
  }
  return undefined;
}

/** An nginx time (`90`, `30s`, `10m`, `1h`, `1d`) in seconds. */
export function seconds(time: string): number {
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(time);
  if (!match) throw new Error(`not an nginx time: ${time}`);
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[match[2] ?? 's']!;
  return Number(match[1]) * unit;
}

/** An nginx size (`512`, `64k`, `51m`, `1g`) in bytes. */
export function bytes(size: string): number {
  const match = /^(\d+)([kKmMgG])?$/.exec(size);
  if (!match) throw new Error(`not an nginx size: ${size}`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? '').toLowerCase()]!;
  return Number(match[1]) * unit;
}
