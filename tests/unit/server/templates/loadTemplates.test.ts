import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeProblem, loadTemplates, type TemplateProblem } from '../../../../server/templates/loadTemplates.js';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/templates');
const SHIPPED = resolve(import.meta.dirname, '../../../../templates');

function problemOf(problems: TemplateProblem[], file: string): TemplateProblem {
  const problem = problems.find((candidate) => candidate.file === file);
  if (!problem) throw new Error(`no problem reported for ${file}: ${JSON.stringify(problems)}`);
  return problem;
}

describe('loadTemplates', () => {
  describe('a folder with one good template and three broken files', () => {
    it('loads the good template', async () => {
      const { templates } = await loadTemplates(FIXTURES);
      expect(templates.map((template) => template.id)).toEqual(['good']);
      expect(templates[0]!.title).toBe('Báo cáo thử');
      expect(templates[0]!.sections.map((section) => section.id)).toEqual(['mot', 'hai']);
    });

    it('reports one problem for each broken file, in file-name order', async () => {
      const { problems } = await loadTemplates(FIXTURES);
      expect(problems.map((problem) => problem.file)).toEqual([
        'b-invalid-json.json',
        'c-schema-error.json',
        'd-duplicate-id.json',
      ]);
    });

    it('reports a file that is not JSON against the file as a whole, with the parser message', async () => {
      const problem = problemOf((await loadTemplates(FIXTURES)).problems, 'b-invalid-json.json');
      expect(problem.field).toBe('(file)');
      expect(problem.message).toMatch(/JSON/);
    });

    it('reports a schema error with the path of the field at fault', async () => {
      const problem = problemOf((await loadTemplates(FIXTURES)).problems, 'c-schema-error.json');
      expect(problem).toEqual({ file: 'c-schema-error.json', field: 'sections.1.title', message: 'must not be empty' });
    });

    it('keeps the first template with an id and reports the later file that repeats it', async () => {
      const problem = problemOf((await loadTemplates(FIXTURES)).problems, 'd-duplicate-id.json');
      expect(problem).toEqual({ file: 'd-duplicate-id.json', field: 'id', message: 'duplicate template id "good"' });
    });

    it('skips the award catalogue and files that are not .json', async () => {
      const { problems } = await loadTemplates(FIXTURES);
      const files = problems.map((problem) => problem.file);
      expect(files).not.toContain('award-forms.json');
      expect(files).not.toContain('notes.txt');
      expect(files).not.toContain('README.md');
    });
  });

  it('loads the shipped templates without a problem', async () => {
    const { templates, problems } = await loadTemplates(SHIPPED);
    expect(problems).toEqual([]);
    expect(templates.map((template) => template.id)).toContain('bao-cao-so-ket');
  });

  describe('in a folder of its own', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'dong-soan-templates-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const template = (id: string, sections = [{ id: 's', title: 'PHẦN' }]) =>
      JSON.stringify({ id, title: `Mẫu ${id}`, docType: 'BÁO CÁO', docSymbol: 'BC', sections });

    it('loads nothing, and reports nothing, from an empty folder', async () => {
      expect(await loadTemplates(dir)).toEqual({ templates: [], problems: [] });
    });

    it('loads templates in file-name order, whatever order they were written in', async () => {
      await writeFile(join(dir, 'z.json'), template('zeta'));
      await writeFile(join(dir, 'a.json'), template('alpha'));
      await writeFile(join(dir, 'm.json'), template('mu'));
      const { templates } = await loadTemplates(dir);
      expect(templates.map((loaded) => loaded.id)).toEqual(['alpha', 'mu', 'zeta']);
    });

    it('reports JSON that is not an object against the root', async () => {
      await writeFile(join(dir, 'list.json'), '[]');
      const { problems } = await loadTemplates(dir);
      expect(problems).toEqual([{ file: 'list.json', field: '(root)', message: expect.any(String) }]);
    });

    it('reports an empty file', async () => {
      await writeFile(join(dir, 'empty.json'), '');
      const { problems } = await loadTemplates(dir);
      expect(problems).toEqual([{ file: 'empty.json', field: '(file)', message: expect.any(String) }]);
    });

    it('reports a duplicate section id with its path', async () => {
      await writeFile(
        join(dir, 'dup.json'),
        template('dup', [
          { id: 'a', title: 'MỘT' },
          { id: 'a', title: 'HAI' },
        ]),
      );
      const { problems } = await loadTemplates(dir);
      expect(problems).toEqual([{ file: 'dup.json', field: 'sections.1.id', message: 'duplicate section id "a"' }]);
    });

    it('loads a template saved with a UTF-8 byte-order mark, as Windows Notepad may save it', async () => {
      await writeFile(join(dir, 'bom.json'), `\uFEFF${template('bom')}`);
      const { templates, problems } = await loadTemplates(dir);
      expect(problems).toEqual([]);
      expect(templates.map((loaded) => loaded.id)).toEqual(['bom']);
    });

    it('describes a file with a single-quoted value in one line, though the parser quotes the lines around it', async () => {
      // V8's JSON.parse message quotes the source near the error, line breaks included.
      await writeFile(join(dir, 'quotes.json'), `{\n  "id": "quotes",\n  "docType": 'BÁO CÁO'\n}\n`);
      const { problems } = await loadTemplates(dir);
      expect(problems).toHaveLength(1);
      const line = describeProblem(problems[0]!);
      expect(line).toContain('quotes.json');
      expect(line).not.toMatch(/[\r\n]/);
    });

    it('fails when the folder does not exist, rather than serving no templates', async () => {
      await expect(loadTemplates(join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
    });
  });
});

describe('describeProblem', () => {
  it('gives one line naming the file, the field and what is wrong', () => {
    const line = describeProblem({ file: 'bad.json', field: 'sections.1.title', message: 'must not be empty' });
    expect(line).toBe('template bad.json: sections.1.title: must not be empty');
  });

  it('gives one line for every problem found in the fixtures, each naming its file and field', async () => {
    const { problems } = await loadTemplates(FIXTURES);
    expect(problems).toHaveLength(3);
    for (const problem of problems) {
      const line = describeProblem(problem);
      expect(line).not.toMatch(/[\r\n]/);
      expect(line).toContain(problem.file);
      expect(line).toContain(`${problem.field}: `);
    }
  });
});
