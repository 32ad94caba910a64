/** The refusal of an issue while the form checker finds an error (issue 12): 409 `checks_failed`, with them. */
import type { Finding } from '../../common/checks/finding.js';
import { AppError } from '../errors.js';

export const checksFailed = (errors: readonly Finding[]) =>
  new AppError(
    409,
    'checks_failed',
    `Chưa thể ban hành: còn ${errors.length} lỗi thể thức (${errors
      .slice(0, 3)
      .map((finding) => finding.message)
      .join(' ')}${errors.length > 3 ? ' …' : ''}) (the form checker finds ${errors.length} error${errors.length === 1 ? '' : 's'})`,
    { findings: errors },
  );
