/**
 * Review comments in Word (issue 9): each comment a `w:comment` of comments.xml with its author, initials and
 * date, its paragraphs as the comment's text; in the body, `w:commentRangeStart` and `w:commentRangeEnd`
 * around the commented runs, the end followed by the run holding `w:commentReference` (the mark Word and
 * LibreOffice draw and link to the comment in the margin).
 */
import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun, type ICommentsOptions } from 'docx';
import type { CommentMark, ExportComment } from './exportModel.js';

/** A comment's mark in the body's runs. */
export function renderCommentMark(mark: CommentMark): Array<CommentRangeStart | CommentRangeEnd | TextRun> {
  switch (mark.kind) {
    case 'commentStart':
      return [new CommentRangeStart(mark.id)];
    case 'commentEnd':
      return [new CommentRangeEnd(mark.id), new TextRun({ children: [new CommentReference(mark.id)] })];
  }
}

/** The comments part of the file, or undefined when there is none (the file then has no comments.xml). */
export function commentsPart(comments: readonly ExportComment[]): ICommentsOptions | undefined {
  if (comments.length === 0) return undefined;
  return {
    children: comments.map((comment) => ({
      id: comment.id,
      author: comment.author,
      initials: comment.initials,
      date: comment.date === null ? undefined : new Date(comment.date),
      children: comment.paragraphs.map((text) => new Paragraph({ children: [new TextRun({ text })] })),
    })),
  };
}
