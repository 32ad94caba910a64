/** The named refusals of the workflow (issue 10), each with its stable code. */
import type { ReportStatus } from '../../common/report.js';
import { AppError } from '../errors.js';

const STATUS_NAMES: Record<ReportStatus, string> = {
  draft: 'dự thảo',
  review: 'trình duyệt',
  approved: 'đã duyệt',
  issued: 'đã ban hành',
};

/** A move the workflow does not have from the report's status (e.g. draft → issued). */
export const invalidTransition = (from: ReportStatus, to: ReportStatus) =>
  new AppError(
    409,
    'invalid_transition',
    `Không thể chuyển báo cáo từ "${STATUS_NAMES[from]}" sang "${STATUS_NAMES[to]}" (a report in ${from} cannot move to ${to})`,
  );

/** The report is issued (or being issued): it, its rooms and its review no longer change; reading stays allowed. */
export const reportIssued = () =>
  new AppError(409, 'report_issued', 'Báo cáo đã ban hành, không thể thay đổi — chỉ xem (the report is issued and can no longer change)');

/** Another issued report of the same symbol and year has that number. */
export const numberTaken = (number: string, symbol: string, year: number) =>
  new AppError(
    409,
    'number_taken',
    `Số ${number}/${symbol} năm ${year} đã được dùng cho một văn bản khác đã ban hành (number ${number} of ${symbol} in ${year} is taken)`,
  );
