import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { sectionSchema, type ProseMirrorJSON } from '../../../common/editorSchema.js';
import { SECTION_FRAGMENT } from '../../../common/rooms.js';
import {
  preambleStartingContent,
  sectionStartingContent,
  summariseTemplate,
  templateSchema,
  type Template,
  type TemplateSection,
} from '../../../common/template.js';

const SHIPPED = resolve(import.meta.dirname, '../../../templates/bao-cao-so-ket.json');

/** A fresh, mutable copy of the shipped template as plain JSON. */
function shippedJson(): { sections: Array<Record<string, unknown>> } & Record<string, unknown> {
  return JSON.parse(readFileSync(SHIPPED, 'utf8'));
}

function shippedTemplate(): Template {
  return templateSchema.parse(shippedJson());
}

/** The dotted paths of every issue zod finds in `data`; empty when it is a valid template. */
function problemPaths(data: unknown): string[] {
  const result = templateSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

function problemMessages(data: unknown): string[] {
  const result = templateSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('templateSchema', () => {
  it('accepts the shipped template', () => {
    const result = templateSchema.safeParse(shippedJson());
    expect(result.success).toBe(true);
    expect(result.data?.id).toBe('bao-cao-so-ket');
    expect(result.data?.docType).toBe('BÁO CÁO');
    expect(result.data?.docSymbol).toBe('BC');
    expect(result.data?.sections.map((section) => section.id)).toEqual(['tham-muu', 'ket-qua', 'danh-gia', 'kien-nghi']);
  });

  it('fills in an empty description and an empty list of parts when they are left out', () => {
    const data = shippedJson();
    delete data.description;
    delete data.sections[3]!.parts;
    const template = templateSchema.parse(data);
    expect(template.description).toBe('');
    expect(template.sections[3]!.parts).toEqual([]);
  });

  it('trims the whitespace around titles', () => {
    const data = shippedJson();
    data.sections[0]!.title = '  CÔNG TÁC THAM MƯU  ';
    expect(templateSchema.parse(data).sections[0]!.title).toBe('CÔNG TÁC THAM MƯU');
  });

  it('names the field path of a blank section title (sections.1.title)', () => {
    const data = shippedJson();
    data.sections[1]!.title = '   ';
    expect(problemPaths(data)).toEqual(['sections.1.title']);
    expect(problemMessages(data)).toEqual(['must not be empty']);
  });

  it('names the field path of a missing section title', () => {
    const data = shippedJson();
    delete data.sections[2]!.title;
    expect(problemPaths(data)).toEqual(['sections.2.title']);
  });

  it('names the field path of a blank part heading', () => {
    const data = shippedJson();
    (data.sections[1]!.parts as Array<Record<string, unknown>>)[2]!.heading = '';
    expect(problemPaths(data)).toEqual(['sections.1.parts.2.heading']);
  });

  it('rejects a section id that could not be part of a room name', () => {
    const data = shippedJson();
    data.sections[0]!.id = '../tham-muu';
    expect(problemPaths(data)).toEqual(['sections.0.id']);
    expect(problemMessages(data)[0]).toContain('letters, digits');
  });

  it('rejects a template id with Vietnamese letters', () => {
    const data = shippedJson();
    data.id = 'báo-cáo';
    expect(problemPaths(data)).toEqual(['id']);
  });

  it('rejects a template without sections', () => {
    const data = shippedJson();
    data.sections = [];
    expect(problemPaths(data)).toEqual(['sections']);
    expect(problemMessages(data)).toEqual(['needs at least one section']);
  });

  it.each(['id', 'title', 'docType', 'docSymbol', 'sections'])('requires the field %s', (field) => {
    const data = shippedJson();
    delete data[field];
    expect(problemPaths(data)).toEqual([field]);
  });

  it('rejects a misspelt key instead of ignoring it, naming the object that holds it', () => {
    const data = shippedJson();
    const part = (data.sections[0]!.parts as Array<Record<string, unknown>>)[0]!;
    part.guidence = part.guidance;
    delete part.guidance;
    const result = templateSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe('sections.0.parts.0');
    expect(result.error?.issues[0]?.message).toContain('guidence');
  });

  it('rejects a duplicate section id at the second occurrence, naming the id', () => {
    const data = shippedJson();
    data.sections[3]!.id = 'ket-qua';
    expect(problemPaths(data)).toEqual(['sections.3.id']);
    expect(problemMessages(data)).toEqual(['duplicate section id "ket-qua"']);
  });

  it('reports every repeat of a section id, not only the first', () => {
    const data = shippedJson();
    for (const section of data.sections) section.id = 'same';
    expect(problemPaths(data)).toEqual(['sections.1.id', 'sections.2.id', 'sections.3.id']);
  });

  it('rejects something that is not an object at all', () => {
    expect(problemPaths(null)).toEqual(['']);
    expect(problemPaths([])).toEqual(['']);
  });
});

describe('summariseTemplate', () => {
  it('lists the id, title, description, document type and the sections by id and title', () => {
    const summary = summariseTemplate(shippedTemplate());
    expect(summary).toMatchObject({
      id: 'bao-cao-so-ket',
      title: 'Báo cáo sơ kết / tổng kết',
      description: expect.stringContaining('Báo cáo sơ kết'),
      docType: 'BÁO CÁO',
    });
    expect(summary.sections.map(({ id, title }) => ({ id, title }))).toEqual([
      { id: 'tham-muu', title: 'CÔNG TÁC THAM MƯU TRIỂN KHAI THỰC HIỆN' },
      { id: 'ket-qua', title: 'KẾT QUẢ TRIỂN KHAI THỰC HIỆN' },
      { id: 'danh-gia', title: 'ĐÁNH GIÁ CHUNG' },
      { id: 'kien-nghi', title: 'KIẾN NGHỊ, ĐỀ XUẤT' },
    ]);
  });

  it('carries the guidance and parts, which the editor draws as placeholders (issue 12)', () => {
    const template = shippedTemplate();
    const summary = summariseTemplate(template);
    expect(summary.preambleGuidance).toBe(template.preambleGuidance);
    expect(summary.sections[2]).toEqual({
      id: 'danh-gia',
      title: 'ĐÁNH GIÁ CHUNG',
      parts: [
        { heading: 'Thuận lợi', guidance: 'Nêu những thuận lợi, kết quả nổi bật và nguyên nhân.' },
        { heading: 'Khó khăn, hạn chế', guidance: 'Nêu những khó khăn, hạn chế và nguyên nhân.' },
      ],
    });
    expect(summary.sections[3]).toEqual({ id: 'kien-nghi', title: 'KIẾN NGHỊ, ĐỀ XUẤT', guidance: template.sections[3]!.guidance, parts: [] });
  });
});

describe('sectionStartingContent', () => {
  const empty: ProseMirrorJSON = { type: 'paragraph' };
  const heading = (text: string): ProseMirrorJSON => ({
    type: 'heading',
    attrs: { level: 2 },
    content: [{ type: 'text', text }],
  });

  it('writes each part as a level-2 heading followed by an empty paragraph, its guidance not written (issue 12)', () => {
    const section = shippedTemplate().sections[2]!;
    expect(sectionStartingContent(section)).toEqual({
      type: 'doc',
      content: [heading('Thuận lợi'), empty, heading('Khó khăn, hạn chế'), empty],
    });
    expect(JSON.stringify(sectionStartingContent(section))).not.toContain('Nêu');
  });

  it('starts with an empty paragraph for the section guidance, before its parts', () => {
    const section: TemplateSection = {
      id: 's',
      title: 'S',
      guidance: 'Hướng dẫn chung.',
      parts: [{ heading: 'Mục một', guidance: 'Hướng dẫn mục một.' }],
    };
    expect(sectionStartingContent(section).content).toEqual([empty, heading('Mục một'), empty]);
  });

  it('leaves an empty paragraph to type into under a part without guidance', () => {
    const section: TemplateSection = { id: 's', title: 'S', parts: [{ heading: 'Mục một' }] };
    expect(sectionStartingContent(section).content).toEqual([heading('Mục một'), empty]);
  });

  it('gives a section with neither guidance nor parts one empty paragraph', () => {
    expect(sectionStartingContent({ id: 's', title: 'S', parts: [] })).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
  });

  it('gives a section with only guidance one empty paragraph, where the guidance shows', () => {
    const section = shippedTemplate().sections[3]!;
    expect(sectionStartingContent(section).content).toEqual([empty]);
  });

  it('starts the opening paragraphs with one empty paragraph, their guidance not written', () => {
    expect(preambleStartingContent(shippedTemplate())).toEqual({ type: 'doc', content: [empty] });
  });

  it('produces, for every shipped section, a document valid in the editor schema', () => {
    for (const section of shippedTemplate().sections) {
      expect(() => sectionSchema.nodeFromJSON(sectionStartingContent(section)).check()).not.toThrow();
    }
  });

  it('survives a round trip through a Y.XmlFragment unchanged', () => {
    const sections: TemplateSection[] = [
      ...shippedTemplate().sections,
      { id: 'bare', title: 'B', parts: [] },
      { id: 'mixed', title: 'M', guidance: 'Chung.', parts: [{ heading: 'Một' }, { heading: 'Hai', guidance: 'Gợi ý.' }] },
    ];
    for (const section of sections) {
      const json = sectionStartingContent(section);
      const doc = new Y.Doc();
      const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
      prosemirrorJSONToYXmlFragment(sectionSchema, json, fragment);

      const back = yXmlFragmentToProsemirrorJSON(fragment);
      // y-tiptap writes marks as `{ type, attrs: {} }`; through the schema both are the same document.
      expect(sectionSchema.nodeFromJSON(back).eq(sectionSchema.nodeFromJSON(json))).toBe(true);
      expect(sectionSchema.nodeFromJSON(back).toJSON()).toEqual(json);
      doc.destroy();
    }
  });

  it('survives being sent as a Yjs update to another document', () => {
    const json = sectionStartingContent(shippedTemplate().sections[1]!);
    const source = new Y.Doc();
    prosemirrorJSONToYXmlFragment(sectionSchema, json, source.getXmlFragment(SECTION_FRAGMENT));
    const target = new Y.Doc();
    Y.applyUpdate(target, Y.encodeStateAsUpdate(source));
    const back = yXmlFragmentToProsemirrorJSON(target.getXmlFragment(SECTION_FRAGMENT));
    expect(sectionSchema.nodeFromJSON(back).toJSON()).toEqual(json);
    source.destroy();
    target.destroy();
  });
});
