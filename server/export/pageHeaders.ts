/**
 * The page headers (PL I, "Số trang"; issue 12): from page 2, the page number centred in the top margin, as a
 * PAGE field that carries a result; on page 1 no number, and on a draft "DỰ THẢO" in a box at the top right.
 */
import {
  AlignmentType,
  BorderStyle,
  BuilderElement,
  Header,
  Paragraph,
  TextRun,
  XmlAttributeComponent,
  XmlComponent,
} from 'docx';
import { DRAFT_BOX, SIZE, TEXT_COLOR, TEXT_WIDTH, TIGHT } from './layout.js';
import { frameSpacing } from './frameBlocks.js';
import { textWidth } from './textWidth.js';

/** What a draft's first page says at its top. */
export const DRAFT_MARK = 'DỰ THẢO';

/**
 * The number the page field shows until something works it out: that of the first page that shows one.
 * Word and LibreOffice recompute it on every page; a viewer that does not update fields (a phone's preview,
 * a text extractor) shows this rather than nothing. One header serves pages 2 to the end, so one value.
 */
export const CACHED_PAGE_NUMBER = '2';

type FieldCharType = 'begin' | 'separate' | 'end';

/** `w:fldChar`: where a complex field begins, where its result starts, where it ends. */
function fieldChar(type: FieldCharType): XmlComponent {
  return new BuilderElement<{ type: FieldCharType }>({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });
}

class PreserveSpace extends XmlAttributeComponent<{ space: 'preserve' }> {
  protected override readonly xmlKeys = { space: 'xml:space' };
}

/** `w:instrText`: a field's code. */
class InstructionText extends XmlComponent {
  constructor(code: string) {
    super('w:instrText');
    this.root.push(new PreserveSpace({ space: 'preserve' }));
    this.root.push(code);
  }
}

/**
 * The runs of a PAGE field whose result is `cached`, as Word writes one: begin, the code, separate, the
 * result, end, each run in the size of the number. (docx's `PageNumber.CURRENT` writes no result.)
 */
export function pageNumberField(size: number, cached = CACHED_PAGE_NUMBER): TextRun[] {
  const run = (children: Array<XmlComponent | string>) => new TextRun({ size, children });
  return [run([fieldChar('begin')]), run([new InstructionText('PAGE')]), run([fieldChar('separate')]), run([cached]), run([fieldChar('end')])];
}

/** Pages 2 and after: the page number, centred in the top margin (PL I, "Số trang": 13–14, upright). */
export function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: TIGHT, children: pageNumberField(SIZE.pageNumber) })],
  });
}

/**
 * "DỰ THẢO" boxed at the right of the text column: a paragraph border, not a border on the run, since a run's
 * border is drawn at the font's ascent and cut through "Ự" and "Ả" (issue 12). The paragraph is as wide as
 * the words (estimated, with slack) and its line the frame's exact height, so the box clears the marks.
 */
function draftBox(): Paragraph {
  const side = { style: BorderStyle.SINGLE, size: DRAFT_BOX.widthEighths, color: TEXT_COLOR, space: DRAFT_BOX.spacePt };
  const space = DRAFT_BOX.spacePt * 20;
  const inner = Math.ceil(textWidth(DRAFT_MARK, SIZE.draftMark, true) * DRAFT_BOX.slack);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // The borders sit `space` outside the indents: the box's right edge is the column's.
    indent: { left: Math.max(0, TEXT_WIDTH - space - inner), right: space },
    spacing: frameSpacing({ size: SIZE.draftMark }),
    border: { top: side, bottom: side, left: side, right: side },
    children: [new TextRun({ text: DRAFT_MARK, bold: true, size: SIZE.draftMark })],
  });
}

/** Page 1: no number; a draft says so, boxed, at the top right. */
export function firstPageHeader(draft: boolean): Header {
  return new Header({ children: [draft ? draftBox() : new Paragraph({ spacing: TIGHT })] });
}
