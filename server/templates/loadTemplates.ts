/**
 * Loads report templates from `templates/*.json`, validating each. A broken file is reported with its
 * name and the field at fault, and the others still load.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { templateSchema, type Template } from '../../common/template.js';

/** A file that could not be loaded: which one, which field, what is wrong. */
export interface TemplateProblem {
  file: string;
  field: string;
  message: string;
}

export interface LoadedTemplates {
  templates: Template[];
  problems: TemplateProblem[];
}

/** Files in the templates folder that are data of another kind, not report templates. */
const NOT_TEMPLATES = new Set(['award-forms.json', 'vocabulary.vi.json']);

async function loadOne(dir: string, file: string): Promise<Template | TemplateProblem> {
  let data: unknown;
  try {
    // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
    data = JSON.parse((await readFile(join(dir, file), 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    return { file, field: '(file)', message: error instanceof Error ? error.message : String(error) };
  }
  const parsed = templateSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return { file, field: issue.path.length > 0 ? issue.path.join('.') : '(root)', message: issue.message };
}

/** Loads every template in `dir`, in file-name order. */
export async function loadTemplates(dir: string): Promise<LoadedTemplates> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json') && !NOT_TEMPLATES.has(file)).sort();
  const templates: Template[] = [];
  const problems: TemplateProblem[] = [];
  for (const file of files) {
    const result = await loadOne(dir, file);
    if ('field' in result) {
      problems.push(result);
    } else if (templates.some((template) => template.id === result.id)) {
      problems.push({ file, field: 'id', message: `duplicate template id "${result.id}"` });
    } else {
      templates.push(result);
    }
  }
  return { templates, problems };
}

/** One line for a log: `template bad.json: sections.0.title: must not be empty`. */
export function describeProblem(problem: TemplateProblem): string {
  const message = problem.message.replace(/\s+/g, ' ').trim();
  return `template ${problem.file}: ${problem.field}: ${message}`;
}
