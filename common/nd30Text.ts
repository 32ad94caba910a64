/**
 * The fixed words of the document form (Nghị định 30/2020/NĐ-CP, Phụ lục I; ND30.md), shared by the
 * editor, which shows the page as it will print, and the export, which prints it.
 */

/** Quốc hiệu (PL I, "Quốc hiệu và Tiêu ngữ"). */
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';

/** Tiêu ngữ, under the national name, with a rule as long as it. */
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** The heading of the recipients list (PL I, "Nơi nhận"), bold italic 12. */
export const RECIPIENTS_LABEL = 'Nơi nhận:';

/** The award tally's column headings: number, award form, collectives, individuals. */
export const TALLY_HEADINGS = ['TT', 'Hình thức khen thưởng', 'Tập thể', 'Cá nhân'] as const;

/** The label of the tally's total row. */
export const TALLY_TOTAL_LABEL = 'Tổng cộng';
