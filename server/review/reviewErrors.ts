/** The named refusals of the review (issue 9), each with its stable code. */
import { AppError } from '../errors.js';

/** An anchor that does not decode, does not point into the section's text, or covers nothing. */
export const invalidAnchor = (why: string) =>
  new AppError(400, 'invalid_anchor', `Vị trí bình luận không hợp lệ: ${why} (the anchor is not a range of this section’s text)`);

/** A suggestion whose two ends are not in one paragraph. */
export const suggestionNotInOneParagraph = () =>
  new AppError(
    400,
    'invalid_anchor',
    'Đề xuất sửa chỉ áp dụng trong một đoạn văn (a suggestion replaces text within one paragraph)',
  );

/** A mention of a department or person who cannot read the report. */
export const invalidMention = (who: string) =>
  new AppError(400, 'invalid_mention', `Không thể nhắc tới ${who}: không đọc được báo cáo này (cannot mention ${who}: they cannot read this report)`);

/** The anchored text no longer reads what the suggestion quoted. */
export const suggestionStale = () =>
  new AppError(
    409,
    'suggestion_stale',
    'Đoạn văn đã thay đổi kể từ khi đề xuất được đưa ra; không thể chấp nhận đề xuất này (the text changed since the suggestion was made)',
  );

/** The suggestion was accepted or rejected already. */
export const suggestionDecided = (state: string) =>
  new AppError(
    409,
    'suggestion_decided',
    `Đề xuất đã được ${state === 'accepted' ? 'chấp nhận' : 'từ chối'} trước đó (the suggestion was ${state} already)`,
  );
