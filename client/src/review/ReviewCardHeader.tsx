/** The first line of a review card: who wrote it, for which department, and when. */
import type { Author } from '../../../common/review.js';
import { useT } from '../i18n/locale.js';
import { colorFor } from '../identity.js';
import { useSession } from '../session/SessionContext.js';

export function ReviewCardHeader({ author, createdAt, badge }: { author: Author; createdAt: string; badge?: string }) {
  const t = useT();
  const { department } = useSession();
  const departmentName = department(author.departmentId)?.name;
  return (
    <header className="review-card-header">
      <span className="review-avatar" style={{ background: colorFor(author.id) }} aria-hidden="true">
        {author.displayName.trim().split(/\s+/).pop()?.charAt(0) ?? '?'}
      </span>
      <span className="review-author">
        <strong>{author.displayName}</strong>
        {departmentName === undefined ? null : <span className="review-department">{departmentName}</span>}
      </span>
      <time className="review-time" dateTime={createdAt}>
        {t.review.at(createdAt)}
      </time>
      {badge === undefined ? null : <span className="review-unread">{badge}</span>}
    </header>
  );
}
