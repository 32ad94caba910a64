/**
 * The text of a section body or the opening paragraphs, block by block (client/src/editor/bodyText.ts):
 * what the kept-copy panels show and copy.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TallyRow } from '../../../common/tallyProse.js';
import { bodyBlocks } from '../../../client/src/editor/bodyText.js';

/** An element `name` holding `children`, with `attributes`. */
function element(name: string, children: Array<Y.XmlElement | Y.XmlText> = [], attributes: Record<string, unknown> = {}): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

function paragraph(...texts: Array<string | Y.XmlElement | Y.XmlText>): Y.XmlElement {
  return element(
    'paragraph',
    texts.map((text) => (typeof text === 'string' ? new Y.XmlText(text) : text)),
  );
}

/** A fragment of a fresh document holding `nodes`; read inside it (Yjs types read once integrated). */
function fragmentOf(nodes: Y.XmlElement[]): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('body');
  fragment.insert(0, nodes);
  return fragment;
}

const noTally = () => '';

describe('bodyBlocks', () => {
  it('gives one block per paragraph, heading and list item, in order', () => {
    const fragment = fragmentOf([
      element('heading', [new Y.XmlText('1. Kết quả')], { level: 3 }),
      paragraph('Đã tổ chức 12 hội nghị.'),
      element('bulletList', [element('listItem', [paragraph('Tuyên truyền')]), element('listItem', [paragraph('Kiểm tra')])]),
      paragraph('Kết luận.'),
    ]);
    expect(bodyBlocks(fragment, noTally)).toEqual(['1. Kết quả', 'Đã tổ chức 12 hội nghị.', 'Tuyên truyền', 'Kiểm tra', 'Kết luận.']);
  });

  it('leaves out empty and blank blocks', () => {
    const fragment = fragmentOf([paragraph(), paragraph('   '), paragraph('Còn lại.')]);
    expect(bodyBlocks(fragment, noTally)).toEqual(['Còn lại.']);
  });

  it('joins the runs of a block, formatted or not, and writes hard breaks as line breaks', () => {
    const bold = new Y.XmlText();
    bold.insert(0, 'in đậm', { bold: true });
    const fragment = fragmentOf([paragraph('Dòng một, ', bold, element('hardBreak'), 'dòng hai')]);
    expect(bodyBlocks(fragment, noTally)).toEqual(['Dòng một, in đậm\ndòng hai']);
  });

  it('gives an award tally its sentence, from its rows’ clean counts, and nothing when there is none', () => {
    const tally = element('awardTally', [
      element('awardRow', [], { award: 'bang-khen-chu-tich-ubnd-tinh', collectives: 2, individuals: '5' }),
      element('awardRow', [], { award: 'giay-khen', collectives: -1, individuals: 'x' }),
    ]);
    const seen: TallyRow[][] = [];
    const sentence = (rows: readonly TallyRow[]) => {
      seen.push([...rows]);
      return 'Khen thưởng 2 tập thể, 5 cá nhân.';
    };
    expect(bodyBlocks(fragmentOf([paragraph('Trước bảng.'), tally]), sentence)).toEqual(['Trước bảng.', 'Khen thưởng 2 tập thể, 5 cá nhân.']);
    expect(seen).toEqual([
      [
        { award: 'bang-khen-chu-tich-ubnd-tinh', collectives: 2, individuals: 5 },
        { award: 'giay-khen', collectives: 0, individuals: 0 },
      ],
    ]);
    const otherTally = element('awardTally', [element('awardRow', [], { award: 'giay-khen', collectives: 1, individuals: 0 })]);
    expect(bodyBlocks(fragmentOf([otherTally]), noTally)).toEqual([]);
  });
});
