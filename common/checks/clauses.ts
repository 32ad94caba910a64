/**
 * The clauses of Nghị định 30/2020/NĐ-CP the checker cites (../shared/docs/ND30.md): Điều 8 lists the parts
 * of an administrative document and sends their form to Phụ lục I; Điều 9 sends capitals to Phụ lục II;
 * Điều 15 numbers documents. Each finding cites one of these, in one place.
 */

export const CLAUSES = {
  /** The signature block: "TM.", "KT.", "Q.", "TL.", "TUQ." each followed by one space (ND30.md, "The footer"). */
  authority: 'Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm g; Phụ lục I, quyền hạn của người ký (TM., KT., Q., TL., TUQ.)',
  /** "Nơi nhận": each line "- …;", the last "- Lưu: VT, <unit>." (ND30.md, "The footer"). */
  recipients: 'Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm i; Phụ lục I, nơi nhận (mỗi dòng kết thúc bằng “;”, dòng cuối “Lưu: VT, …” bằng “.”)',
  /** The body's end and its text as a whole (ND30.md, "Title and body"). */
  content: 'Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm e; Phụ lục I, nội dung văn bản',
  /** The body ends with "./." (ND30.md, "Title and body": "report bodies end with './.'"). */
  closingMark: 'Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm e; Phụ lục I, nội dung văn bản (kết thúc bằng “./.”)',
  /** Capitals: the common nouns of administrative units are lower case (ND30.md; PL II). */
  capitals: 'Nghị định 30/2020/NĐ-CP, Điều 9; Phụ lục II, viết hoa tên địa lý (danh từ chung “tỉnh”, “huyện”, “xã” viết thường)',
  /** Number and date, given at issuing (ND30.md, "Numbering and issuing"). */
  numbering: 'Nghị định 30/2020/NĐ-CP, Điều 15; Điều 8 khoản 2 điểm c, d; Phụ lục I, số, ký hiệu và thời gian ban hành',
} as const;

export type ClauseKey = keyof typeof CLAUSES;
