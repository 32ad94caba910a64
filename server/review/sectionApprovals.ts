/**
 * Whether a section is approved, as the edit hook asks after every stored keystroke (issue 13): read from
 * the store once per section, then known here, so typing in a section costs no read. This instance's
 * verdicts and edits set it; another instance's verdict reaches it through scale/liveEvents.ts (the section
 * is forgotten, and read again at its next edit) before that verdict's REST call answers; a bus outage
 * forgets everything (verdicts may have been missed meanwhile).
 */
import type { SectionReviewStore } from '../storage/reviewStore.js';

/** How many sections are remembered before the memory starts over (each is one map entry). */
const MAX_SECTIONS = 20_000;

const keyOf = (reportId: string, sectionId: string) => `${reportId}\u0000${sectionId}`;

export class SectionApprovals {
  private readonly known = new Map<string, boolean>();
  /** Bumped by every change: a read that began before one must not overwrite what it set or forgot. */
  private generation = 0;

  /** @param read whether the store says the section is approved */
  constructor(private readonly read: (reportId: string, sectionId: string) => Promise<boolean>) {}

  /** What is known without reading: undefined when the store must be asked ({@link approved}). */
  peek(reportId: string, sectionId: string): boolean | undefined {
    return this.known.get(keyOf(reportId, sectionId));
  }

  /** Whether the section is approved, read from the store when not known. */
  async approved(reportId: string, sectionId: string): Promise<boolean> {
    const key = keyOf(reportId, sectionId);
    const known = this.known.get(key);
    if (known !== undefined) return known;
    const generation = this.generation;
    const approved = await this.read(reportId, sectionId);
    if (generation === this.generation) this.remember(key, approved);
    return approved;
  }

  /** This instance stored a change of the section's state. */
  set(reportId: string, sectionId: string, approved: boolean): void {
    this.generation++;
    this.remember(keyOf(reportId, sectionId), approved);
  }

  /** Another instance may have changed it (or a report was deleted): read again when next asked. */
  forget(reportId: string, sectionId: string): void {
    this.generation++;
    this.known.delete(keyOf(reportId, sectionId));
  }

  /** Forgets every section of a report (deleted), or of every report (changes may have been missed). */
  forgetAll(reportId?: string): void {
    this.generation++;
    if (reportId === undefined) {
      this.known.clear();
      return;
    }
    const prefix = keyOf(reportId, '');
    for (const key of this.known.keys()) if (key.startsWith(prefix)) this.known.delete(key);
  }

  private remember(key: string, approved: boolean): void {
    if (this.known.size >= MAX_SECTIONS && !this.known.has(key)) this.known.clear();
    this.known.set(key, approved);
  }
}

/** What a store's section reviews say, known without a read once asked. */
export function approvalsOf(store: Pick<SectionReviewStore, 'getSectionReview'>): SectionApprovals {
  return new SectionApprovals(async (reportId, sectionId) => (await store.getSectionReview(reportId, sectionId))?.state === 'approved');
}
