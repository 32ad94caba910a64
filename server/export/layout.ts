/**
 * Every number of the Word layout, in one place, each beside the clause of Nghị định 30/2020/NĐ-CP,
 * Phụ lục I (PL I) it implements (summarised in ../shared/docs/ND30.md). Where the decree gives a range,
 * one value from it is used here and nowhere else.
 *
 * Units are Word's: lengths in twips (1/20 pt; 1 mm ≈ 56.7 twips), font sizes in half-points, border
 * widths in eighths of a point.
 */

/** Millimetres to twips. */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

/** Points to half-points, the unit of `w:sz`. */
const pt = (points: number): number => points * 2;

/** Points to twips, the unit of paragraph spacing. */
const spacingPt = (points: number): number => points * 20;

/** PL I, "Khổ giấy" and "Kiểu trình bày": A4 (210 × 297 mm), portrait. */
export const PAGE = { width: 11906, height: 16838 } as const;

/** PL I, "Định lề trang văn bản": top 20–25, bottom 20–25, left 30–35, right 15–20 mm. */
export const MARGIN = {
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(20),
  /** Where the page-number header sits: inside the top margin, as PL I "Số trang" wants. */
  header: mm(10),
  footer: mm(10),
} as const;

/** The width of the text column, between the margins. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** PL I, "Phông chữ": Times New Roman, Unicode (TCVN 6909:2001), black. */
export const FONT = 'Times New Roman';
export const TEXT_COLOR = '000000';
/** Vietnamese, so Word checks the spelling in the right language. */
export const LANGUAGE = 'vi-VN';

/** PL I, "Cỡ chữ và kiểu chữ", element by element (ND30.md tables), in half-points. */
export const SIZE = {
  /** "Nội dung văn bản": 13–14. */
  body: pt(14),
  /** "Tên cơ quan chủ quản": 12–13, upright. */
  parentAgency: pt(13),
  /** "Tên cơ quan ban hành": 12–13, bold. */
  agency: pt(13),
  /** "Số, ký hiệu": 13, upright. */
  numberLine: pt(13),
  /** "Quốc hiệu": 12–13, bold; 12 keeps it on one line in the right column. */
  nationalName: pt(12),
  /** "Tiêu ngữ": 13–14, bold. */
  motto: pt(13),
  /** "Địa danh và thời gian": 13–14, italic. */
  placeDate: pt(14),
  /** "Tên loại văn bản": 13–14, bold. */
  docType: pt(14),
  /** "Trích yếu nội dung": 13–14, bold. */
  subject: pt(14),
  /** "Nơi nhận:": 12, bold italic. */
  recipientsLabel: pt(12),
  /** Each recipient: 11, upright. */
  recipients: pt(11),
  /** "Quyền hạn, chức vụ của người ký": 13–14, bold. */
  signature: pt(14),
  /** "Họ và tên người ký": 13–14, bold. */
  signerName: pt(14),
  /** "Số trang": 13–14, upright. */
  pageNumber: pt(13),
  /** Tables inside the body ("Nội dung văn bản" allows 13–14); 13 fits four columns. */
  table: pt(13),
  /** The draft mark ("DỰ THẢO"), the size of the body. */
  draftMark: pt(14),
} as const;

/**
 * PL I, "Nội dung văn bản": justified; first-line indent 1 cm or 1.27 cm; at least 6 pt between
 * paragraphs; line spacing from single to 1.5 lines.
 */
export const BODY = {
  firstLineIndent: mm(12.7),
  /** Space before each paragraph (6 pt, the minimum between two paragraphs); none after. */
  spacingBefore: spacingPt(6),
  spacingAfter: 0,
  /** Line spacing in 240ths of a line ("auto" rule): 288 = 1.2 lines, inside single–1.5. */
  lineSpacing: 288,
  /** Nested lists and quotations step in by one first-line indent per level. */
  levelIndent: mm(12.7),
} as const;

/** Deeper nesting than this is printed at this depth, so a hostile outline cannot squeeze the column away. */
export const MAX_INDENT_LEVELS = 6;

/**
 * Paragraphs with no space around them, single-spaced. The rule is written out: without `w:lineRule`
 * LibreOffice takes `w:line="240"` as an exact 12 pt, under the height of 13–14 pt text.
 */
export const TIGHT = { before: 0, after: 0, line: 240, lineRule: 'auto' } as const;

/**
 * The lines of the header and footer tables (agency names, the authority, "Nơi nhận"), an exact height of
 * this many ems of their text. Vietnamese capitals carry stacked marks ("Ủ", "Ổ", "Ấ": Liberation Serif
 * Bold's tallest glyph reaches 1.007 em above the baseline) and letters a dot below (0.22 em under it), so a
 * line needs 1.23 em not to touch the next; Word's and LibreOffice's single spacing for Times New Roman is
 * 1.15 em, and at the 12 pt LibreOffice made of an unruled 240, "CHỦ" under "BAN" read "BẠN". 1.32 em also
 * clears the box PDF readers give each glyph (0.95 em up, 0.35 em down), which the render test checks.
 */
export const FRAME_LINE_EM = 1.32;

/** The exact height of a frame line of text `halfPoints` high (Word's `w:sz`), in twips. */
export const frameLineTwips = (halfPoints: number): number => Math.ceil(halfPoints * 10 * FRAME_LINE_EM);

/**
 * PL I, "Vị trí trình bày các thành phần thể thức" (ô 1–4): the header is a borderless two-column table
 * across the text column. The right column is wide enough for "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one
 * line; the left holds the agency lines, centred.
 */
export const HEADER_COLUMNS = [mm(62), TEXT_WIDTH - mm(62)] as const;

/** No cell padding in the frame tables: their columns are measured to the text they hold. */
export const FRAME_CELL_MARGIN = 0;

/**
 * Rules under the issuing agency and the subject: a solid line 1/3–1/2 as long as the text above it
 * (PL I, "Tên cơ quan ban hành" and "Trích yếu nội dung"); 0.4 is inside the range. The rule under the
 * motto is as long as the motto ("Tiêu ngữ": "có đường kẻ ngang, nét liền, có độ dài bằng độ dài của dòng
 * chữ").
 */
export const SHORT_RULE_FRACTION = 0.4;

/** A rule's line: solid ("nét liền"), 0.75 pt, black, 1 pt below its (empty) paragraph. */
export const RULE = { widthEighths: 6, spacePt: 1, before: spacingPt(2) } as const;

/**
 * Rules and spacers are empty paragraphs one exact 2 pt line high (and 2 pt text), so that only their
 * border or their spacing shows, in Word and LibreOffice alike.
 */
export const HAIRLINE = { lineTwips: 40, size: pt(2) } as const;

/** A horizontal rule in the body (the editor's `horizontalRule`): centred, a third of the text column. */
export const BODY_RULE_FRACTION = 1 / 3;

/**
 * Centred frame lines too long for their column are broken into even lines (see balancedLines.ts), filled
 * to at most this share of the column since their widths are estimates; text that would need more than
 * `maxLines` lines is left to the word processor.
 */
export const LINE_BALANCE = { fit: 0.95, maxLines: 3 } as const;

/**
 * "DỰ THẢO" at the top right of page 1, in a box: a paragraph border (0.75 pt) around a line of the frame's
 * height (so the marks of "Ự" and "Ả" stay inside), `spacePt` between the border and the line on every side,
 * and `slack` more room across than the estimated width of the words (textWidth.ts estimates).
 */
export const DRAFT_BOX = { widthEighths: 6, spacePt: 3, slack: 1.15 } as const;

/** Space between the header table and the title block, and after the subject's rule. */
export const TITLE_SPACING = { beforeType: spacingPt(18), afterRule: spacingPt(6) } as const;

/** Space between the agency's rule and "Số: …" (and so between the motto's rule and the date). */
export const HEADER_RULE_AFTER = spacingPt(4);

/**
 * PL I, "Vị trí trình bày" (ô 9a, 9b, 7): the footer table, "Nơi nhận" on the left, the signature block on
 * the right, both starting on the same line.
 */
export const FOOTER_COLUMNS = [mm(78), TEXT_WIDTH - mm(78)] as const;

/** Space between the body's last line and the footer table. */
export const FOOTER_SPACING_BEFORE = spacingPt(12);

/** PL I, "Chữ ký của người có thẩm quyền": room for the signature and seal, about five lines. */
export const SIGNATURE_SPACE_LINES = 5;

/** The award tally's table: "TT", the award, collectives, individuals (fractions of the text width). */
export const TALLY_COLUMNS = [0.08, 0.6, 0.16, 0.16].map((share) => Math.floor(TEXT_WIDTH * share));
/** Its grid lines: single, 0.5 pt; a little padding in each cell. */
export const TALLY_BORDER_EIGHTHS = 4;
export const TALLY_CELL_MARGIN = { top: 40, bottom: 40, left: 80, right: 80 } as const;
