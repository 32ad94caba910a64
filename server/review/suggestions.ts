/**
 * Suggested edits (issue 9): anyone who may read a report proposes replacing a range of one paragraph;
 * whoever may write the section accepts — the server writes the replacement into the section's room as
 * one edit, only if the text still reads what was quoted — or rejects. Nobody's text changes without them.
 */
import { canDecideSuggestion } from '../../common/access.js';
import type { Anchor, Suggestion } from '../../common/review.js';
import type { Identity } from '../auth/identity.js';
import { forbidden, notFound } from '../errors.js';
import type { SuggestionRecord } from '../storage/reviewStore.js';
import { checkSuggestedRange, detachedAnchors, replaceAnchoredText } from './anchoring.js';
import { KeyedQueue } from './keyedQueue.js';
import { auditEntry, authorOf, changeable, sectionOf, type ReviewContext } from './reviewContext.js';
import { suggestionDecided } from './reviewErrors.js';
import { suggestionShape } from './shapes.js';

export interface NewSuggestion {
  sectionId: string;
  anchor: Anchor;
  quote: string;
  replacement: string;
}

export interface SuggestionService {
  /** The report's suggestions, oldest first, each with `detached`. */
  list(caller: Identity, reportId: string): Promise<Suggestion[]>;
  create(caller: Identity, reportId: string, input: NewSuggestion): Promise<Suggestion>;
  accept(caller: Identity, reportId: string, suggestionId: string): Promise<Suggestion>;
  reject(caller: Identity, reportId: string, suggestionId: string): Promise<Suggestion>;
}

/** Told when an accepted suggestion changed a section's text (an approved section becomes `changed`). */
export type TextChanged = (reportId: string, sectionId: string, userId: string) => Promise<void>;

export function createSuggestionService(context: ReviewContext, onTextChanged: TextChanged): SuggestionService {
  const { store, reports, rooms } = context;
  // Decisions on one report's suggestions run one at a time: two accepts cannot both write.
  const decisions = new KeyedQueue();

  async function views(reportId: string, records: readonly SuggestionRecord[]): Promise<Suggestion[]> {
    const detached = await detachedAnchors(rooms, reportId, records);
    return records.map((record) => ({ ...suggestionShape(record), detached: detached.get(record.id) ?? true }));
  }

  async function suggestionOf(reportId: string, suggestionId: string): Promise<SuggestionRecord> {
    const suggestion = await store.getSuggestion(reportId, suggestionId);
    if (!suggestion) throw notFound(`suggestion "${suggestionId}"`);
    return suggestion;
  }

  /** The suggestion, if the caller may decide on it (404, 403 otherwise). */
  async function decidable(caller: Identity, reportId: string, suggestionId: string): Promise<SuggestionRecord> {
    const report = changeable(await reports.get(caller, reportId));
    const suggestion = await suggestionOf(reportId, suggestionId);
    if (!canDecideSuggestion(caller, sectionOf(report, suggestion.sectionId, 'path').ownerDepartmentId)) {
      throw forbidden(
        'Chỉ phòng phụ trách phần này hoặc Văn phòng mới chấp nhận hay từ chối đề xuất (only the section’s department or the office may decide on a suggestion)',
      );
    }
    return suggestion;
  }

  async function decide(caller: Identity, reportId: string, suggestionId: string, state: 'accepted' | 'rejected'): Promise<Suggestion> {
    const { sectionId } = await decidable(caller, reportId, suggestionId);
    await decisions.run(reportId, async () => {
      const current = await suggestionOf(reportId, suggestionId);
      if (current.state !== 'open') throw suggestionDecided(current.state);
      if (state === 'accepted') {
        await rooms.writeSection(reportId, sectionId, (doc) => replaceAnchoredText(doc, current.anchor, current.quote, current.replacement));
      }
      const at = context.now();
      const entry = auditEntry(reportId, caller.userId, at, `suggestion.${state}`, { suggestionId, sectionId });
      if (!(await store.decideSuggestion(reportId, suggestionId, { state, by: caller.userId, at }, entry))) {
        throw suggestionDecided((await suggestionOf(reportId, suggestionId)).state);
      }
    });
    if (state === 'accepted') await onTextChanged(reportId, sectionId, caller.userId);
    await context.publish(reportId);
    const [view] = await views(reportId, [await suggestionOf(reportId, suggestionId)]);
    return view!;
  }

  return {
    async list(caller, reportId) {
      await reports.get(caller, reportId);
      return views(reportId, await store.listSuggestions(reportId));
    },

    async create(caller, reportId, input) {
      const report = changeable(await reports.get(caller, reportId));
      sectionOf(report, input.sectionId, 'body');
      await rooms.readSection(reportId, input.sectionId, (doc) => checkSuggestedRange(doc, input.anchor, input.quote));
      const at = context.now();
      const suggestion: SuggestionRecord = {
        id: context.newId(),
        reportId,
        sectionId: input.sectionId,
        anchor: input.anchor,
        quote: input.quote,
        replacement: input.replacement,
        author: authorOf(caller),
        createdAt: at,
        state: 'open',
        decidedBy: null,
        decidedAt: null,
      };
      const entry = auditEntry(reportId, caller.userId, at, 'suggestion.created', { suggestionId: suggestion.id, sectionId: input.sectionId });
      await store.createSuggestion(suggestion, entry);
      await context.publish(reportId);
      return { ...suggestionShape(suggestion), detached: false };
    },

    accept: (caller, reportId, suggestionId) => decide(caller, reportId, suggestionId, 'accepted'),
    reject: (caller, reportId, suggestionId) => decide(caller, reportId, suggestionId, 'rejected'),
  };
}
