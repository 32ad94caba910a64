/**
 * Who wrote a comment, reply or suggestion, as both stores keep it beside the text: the author's name and
 * department as they were when they wrote.
 */
import type { Author } from '../../../common/review.js';

export interface AuthorColumns {
  author_id: string;
  author_name: string;
  author_department_id: string | null;
}

export const authorOf = (row: AuthorColumns): Author => ({ id: row.author_id, displayName: row.author_name, departmentId: row.author_department_id });
