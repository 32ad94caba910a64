/**
 * A comment thread in the sidebar: the comment, its replies, and — once selected — a box to reply and the
 * button that resolves or reopens it (for those who may: common/access.ts `canResolveThread`). A thread
 * whose text was deleted keeps its quote and says so.
 */
import { canResolveThread } from '../../../common/access.js';
import type { StoredThread } from '../../../common/review.js';
import { replyToComment, resolveComment } from '../api/review.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useAction } from '../components/useAction.js';
import { useT } from '../i18n/locale.js';
import { useSession } from '../session/SessionContext.js';
import { CommentText } from './CommentText.js';
import { MentionInput } from './MentionInput.js';
import { ReviewCardHeader } from './ReviewCardHeader.js';
import { useReview } from './ReviewContext.js';
import { selectOnEnter } from './cardKeys.js';
import { useMentionDraft } from './useMentionDraft.js';
import { useCardFocus } from './useCardFocus.js';

interface ThreadCardProps {
  thread: StoredThread;
  /** Its text is gone from the section. */
  detached: boolean;
  /** Selects the card and its text. */
  onSelect(): void;
}

function ReplyBox({ thread }: { thread: StoredThread }) {
  const t = useT();
  const { reportId } = useReview();
  const draft = useMentionDraft();
  const action = useAction();
  const send = async () => {
    if (draft.text.trim() === '') return;
    const sent = await action.run(() => replyToComment(reportId, thread.id, { body: draft.text, mentions: draft.mentions() }));
    if (sent) draft.clear();
  };
  return (
    <div className="review-reply-box">
      <MentionInput
        draft={draft}
        onSubmit={() => void send()}
        label={t.review.replyLabel}
        placeholder={t.review.replyPlaceholder}
        busy={action.pending}
        testId={`reply-input-${thread.id}`}
      />
      {draft.text.trim() === '' ? null : (
        <div className="review-actions">
          <button type="button" className="review-button is-primary" data-testid={`reply-send-${thread.id}`} disabled={action.pending} onClick={() => void send()}>
            {action.pending ? t.review.sending : t.review.reply}
          </button>
        </div>
      )}
      <ErrorMessage title={t.review.actionError} error={action.error} />
    </div>
  );
}

export function ThreadCard({ thread, detached, onSelect }: ThreadCardProps) {
  const t = useT();
  const { me } = useSession();
  const { reportId, owners, activeId, unread, candidates, closed } = useReview();
  const active = activeId === thread.id;
  const card = useCardFocus<HTMLElement>(thread.id);
  const resolving = useAction();
  const owner = owners.get(thread.sectionId) ?? null;
  // Once issued the review is final (issue 10): read, not replied to or resolved.
  const mayResolve = !closed && canResolveThread({ ...me, userId: me.id }, { authorId: thread.author.id, authorDepartmentId: thread.author.departmentId }, owner);
  const resolverName = candidates.find((candidate) => candidate.kind === 'person' && candidate.id === thread.resolvedBy)?.name ?? '';

  return (
    <article
      ref={card}
      className={`review-card thread-card${active ? ' is-active' : ''}${thread.resolved ? ' is-resolved' : ''}`}
      data-testid={`thread-${thread.id}`}
      data-layout-key={thread.id}
      aria-label={t.review.threadLabel(thread.author.displayName, thread.quote)}
      aria-current={active ? 'true' : undefined}
      tabIndex={0}
      onClick={onSelect}
      onKeyDown={selectOnEnter(onSelect)}
    >
      <ReviewCardHeader author={thread.author} createdAt={thread.createdAt} badge={unread.has(thread.id) ? t.review.unread : undefined} />
      {detached ? (
        <p className="review-detached" data-testid={`thread-detached-${thread.id}`}>
          {t.review.detached}: <q>{thread.quote}</q>
        </p>
      ) : null}
      <CommentText body={thread.body} mentions={thread.mentions} />
      {thread.replies.length === 0 ? null : (
        <ol className="review-replies">
          {thread.replies.map((reply) => (
            <li key={reply.id} className="review-reply" data-testid={`reply-${reply.id}`}>
              <ReviewCardHeader author={reply.author} createdAt={reply.createdAt} />
              <CommentText body={reply.body} mentions={reply.mentions} />
            </li>
          ))}
        </ol>
      )}
      {thread.resolved ? <p className="review-resolved-note">{t.review.resolvedBy(resolverName)}</p> : null}
      {active && !thread.resolved && !closed ? <ReplyBox thread={thread} /> : null}
      {mayResolve && (active || thread.resolved) ? (
        <div className="review-actions">
          <button
            type="button"
            className="review-button"
            data-testid={`${thread.resolved ? 'reopen' : 'resolve'}-${thread.id}`}
            disabled={resolving.pending}
            onClick={(event) => {
              event.stopPropagation();
              void resolving.run(() => resolveComment(reportId, thread.id, !thread.resolved));
            }}
          >
            {thread.resolved ? t.review.reopen : t.review.resolve}
          </button>
        </div>
      ) : null}
      <ErrorMessage title={t.review.actionError} error={resolving.error} />
    </article>
  );
}
