/**
 * Changes to an award tally in the editor, each as one small ProseMirror transaction:
 *
 * - a cell is changed with `setNodeMarkup` on its row alone, which the Yjs binding turns into one
 *   attribute of one `Y.XmlElement` — so two people changing different cells, or different rows, at the
 *   same moment both keep their change (the tally is never replaced whole);
 * - a row is added at the end of the tally, or removed, as an insert or delete of that row only.
 *
 * Positions are found in the editor's current document, never in a rendered (possibly older) node.
 */
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { acceptsRecipient, type AwardCatalogue, type AwardForm } from '../../../../common/awards.js';
import { cleanCount, type TallyRow } from '../../../../common/tallyProse.js';

/** The row attributes a cell edit may change. */
export type RowChange = Partial<TallyRow>;

/** The rows of a tally node, as stored. */
export function tallyRowsOf(tally: ProseMirrorNode): TallyRow[] {
  const rows: TallyRow[] = [];
  tally.forEach((child) => {
    if (child.type.name !== 'awardRow') return;
    rows.push({
      award: typeof child.attrs.award === 'string' ? child.attrs.award : '',
      collectives: cleanCount(child.attrs.collectives),
      individuals: cleanCount(child.attrs.individuals),
    });
  });
  return rows;
}

/** The tally at `tallyPos` in the editor's current document, or null when it is gone. */
function currentTally(editor: Editor, tallyPos: number): ProseMirrorNode | null {
  const node = editor.state.doc.nodeAt(tallyPos);
  return node !== null && node.type.name === 'awardTally' ? node : null;
}

/** The position of the row `index` of the tally at `tallyPos`, or null. */
function rowPosition(tally: ProseMirrorNode, tallyPos: number, index: number): number | null {
  if (index < 0 || index >= tally.childCount) return null;
  let pos = tallyPos + 1;
  for (let child = 0; child < index; child += 1) pos += tally.child(child).nodeSize;
  return pos;
}

/** Sets some cells of one row, leaving its other cells and every other row alone. */
export function changeRow(editor: Editor, tallyPos: number, index: number, change: RowChange): void {
  const tally = currentTally(editor, tallyPos);
  const pos = tally === null ? null : rowPosition(tally, tallyPos, index);
  if (tally === null || pos === null) return;
  const row = tally.child(index);
  editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...row.attrs, ...change }));
}

/** Adds an empty row at the end of the tally. */
export function addRow(editor: Editor, tallyPos: number): void {
  const tally = currentTally(editor, tallyPos);
  const rowType = editor.schema.nodes.awardRow;
  if (tally === null || rowType === undefined) return;
  editor.view.dispatch(editor.state.tr.insert(tallyPos + tally.nodeSize - 1, rowType.create()));
}

/** Removes the row `index`. */
export function removeRow(editor: Editor, tallyPos: number, index: number): void {
  const tally = currentTally(editor, tallyPos);
  const pos = tally === null ? null : rowPosition(tally, tallyPos, index);
  if (tally === null || pos === null) return;
  editor.view.dispatch(editor.state.tr.delete(pos, pos + tally.child(index).nodeSize));
}

/** Removes the whole tally. */
export function removeTally(editor: Editor, tallyPos: number): void {
  const tally = currentTally(editor, tallyPos);
  if (tally !== null) editor.view.dispatch(editor.state.tr.delete(tallyPos, tallyPos + tally.nodeSize));
}

/**
 * Inserts a tally with one empty row after the block that holds the selection (a whole list, when the
 * selection is in one), and a paragraph after it when it ends the section, so writing can go on below.
 * Returns the tally's position, or null when the schema has no tally.
 */
export function insertTally(editor: Editor): number | null {
  const { state } = editor;
  const { awardTally, awardRow, paragraph } = state.schema.nodes;
  if (awardTally === undefined || awardRow === undefined || paragraph === undefined) return null;
  const { $from } = state.selection;
  const at = $from.depth === 0 ? $from.pos : $from.after(1);
  const nodes = [awardTally.create(null, [awardRow.create()])];
  if (at >= state.doc.content.size) nodes.push(paragraph.create());
  editor.view.dispatch(state.tr.insert(at, nodes).scrollIntoView());
  return at;
}

/** Why a count or an award is refused. */
export type Refusal = 'notWhole' | 'onlyCollectives' | 'onlyIndividuals';

/** A checked count: the number to store, or why it is refused. */
export type CountCheck = { ok: true; value: number } | { ok: false; refusal: Refusal };

/** The refusal for giving `form` to `kind`, if it cannot be given to it. */
function kindRefusal(form: AwardForm, kind: 'collective' | 'individual'): Refusal | null {
  if (acceptsRecipient(form, kind)) return null;
  return kind === 'individual' ? 'onlyCollectives' : 'onlyIndividuals';
}

/**
 * Checks a count typed into a cell: blank is 0; otherwise a whole number, and none at all for a kind of
 * recipient the row's award cannot go to (a Cờ thi đua counts no individuals).
 */
export function checkCount(raw: string, form: AwardForm | undefined, kind: 'collective' | 'individual'): CountCheck {
  const text = raw.trim();
  if (text === '') return { ok: true, value: 0 };
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) return { ok: false, refusal: 'notWhole' };
  const value = Number(text);
  const refusal = value > 0 && form !== undefined ? kindRefusal(form, kind) : null;
  return refusal === null ? { ok: true, value } : { ok: false, refusal };
}

/** Checks choosing `form` for a row that already counts `row`'s collectives and individuals. */
export function checkAward(form: AwardForm | undefined, row: TallyRow): Refusal | null {
  if (form === undefined) return null;
  if (row.individuals > 0) {
    const refusal = kindRefusal(form, 'individual');
    if (refusal !== null) return refusal;
  }
  return row.collectives > 0 ? kindRefusal(form, 'collective') : null;
}

/** The form with `id` in `catalogue`, if any. */
export function formOf(catalogue: AwardCatalogue | null, id: string): AwardForm | undefined {
  return catalogue?.forms.find((form) => form.id === id);
}
