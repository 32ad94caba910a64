/** The text of a comment or reply, with its "@mentions" marked. */
import type { Mentions } from '../../../common/review.js';
import { useSession } from '../session/SessionContext.js';
import { useReview } from './ReviewContext.js';
import { splitMentions } from './mentions.js';

export function CommentText({ body, mentions }: { body: string; mentions: Mentions }) {
  const { department } = useSession();
  const { candidates } = useReview();
  const names = [
    ...mentions.departmentIds.map((id) => department(id)?.name ?? ''),
    ...mentions.userIds.map((id) => candidates.find((candidate) => candidate.kind === 'person' && candidate.id === id)?.name ?? ''),
  ];
  return (
    <p className="review-text">
      {splitMentions(body, names).map((part, index) =>
        part.mention ? (
          <span key={index} className="review-mention">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
