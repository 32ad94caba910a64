/**
 * The node view of an award tally (CONTRACT.md: `awardTally` with `awardRow` children): the table as the
 * report prints it — TT, Hình thức khen thưởng, Tập thể, Cá nhân, and a total row — and under it the
 * sentence reports use, written from the rows by common/tallyProse.ts. Whoever may write the section adds
 * and removes rows, chooses each row's award form from the catalogue and types the counts; a count the form
 * cannot receive (individuals for a Cờ thi đua) is refused with a message and not stored.
 *
 * The rows are drawn here from the node's children; ProseMirror's own rendering of them (the content
 * element) stays hidden. Every change goes through tallyEdits.ts, one row or one cell at a time.
 */
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { tallyProse, tallyTotals } from '../../../../common/tallyProse.js';
import { useT } from '../../i18n/locale.js';
import type { Messages } from '../../i18n/messages.js';
import { useTallyEnvironment } from './tallyEnvironment.js';
import { addRow, changeRow, checkAward, checkCount, formOf, removeRow, removeTally, tallyRowsOf, type Refusal } from './tallyEdits.js';
import { TallyRowView } from './TallyRowView.js';
import { TALLY_HEADINGS, TALLY_TOTAL_LABEL } from '../../../../common/nd30Text.js';


function refusalMessage(t: Messages, refusal: Refusal, awardName: string): string {
  switch (refusal) {
    case 'notWhole':
      return t.tally.notWhole;
    case 'onlyCollectives':
      return t.tally.onlyCollectives(awardName);
    case 'onlyIndividuals':
      return t.tally.onlyIndividuals(awardName);
  }
}

/** See the module comment. */
export function TallyView({ node, editor, getPos }: ReactNodeViewProps) {
  const t = useT();
  const { catalogue: state, writable } = useTallyEnvironment();
  const catalogue = state.state === 'ready' ? state.catalogue : null;
  const rows = useMemo(() => tallyRowsOf(node), [node]);
  const totals = tallyTotals(rows);
  const prose = catalogue === null ? '' : tallyProse(rows, catalogue);
  const [error, setError] = useState<string | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  // The row just added: its award select is focused once it is drawn.
  const [focusRow, setFocusRow] = useState<number | null>(null);

  useEffect(() => {
    if (focusRow === null || focusRow >= rows.length) return;
    wrapper.current?.querySelector<HTMLSelectElement>(`[data-testid="tally-award-${focusRow}"]`)?.focus();
    setFocusRow(null);
  }, [focusRow, rows.length]);

  const position = (): number | null => {
    const pos = getPos();
    return typeof pos === 'number' ? pos : null;
  };
  /** Runs `edit` at the tally's position, if the person may write and the tally is still there. */
  const edit = (run: (pos: number) => void) => {
    const pos = position();
    if (writable && pos !== null) run(pos);
  };

  const onAward = (index: number, id: string) => {
    const row = rows[index];
    if (row === undefined) return;
    const form = formOf(catalogue, id);
    const refusal = checkAward(form, row);
    if (refusal !== null) return setError(refusalMessage(t, refusal, form?.name ?? id));
    setError(null);
    edit((pos) => changeRow(editor, pos, index, { award: id }));
  };
  const onCount = (index: number, kind: 'collective' | 'individual', raw: string) => {
    const row = rows[index];
    if (row === undefined) return;
    const form = formOf(catalogue, row.award);
    const checked = checkCount(raw, form, kind);
    if (!checked.ok) return setError(refusalMessage(t, checked.refusal, form?.name ?? row.award));
    setError(null);
    edit((pos) => changeRow(editor, pos, index, kind === 'collective' ? { collectives: checked.value } : { individuals: checked.value }));
  };

  return (
    <NodeViewWrapper className="award-tally" data-testid="award-tally" contentEditable={false} ref={wrapper} aria-label={t.tally.label}>
      <table className="tally-table">
        <colgroup>
          <col className="tally-col-number" />
          <col className="tally-col-award" />
          <col className="tally-col-count" />
          <col className="tally-col-count" />
          {writable ? <col className="tally-col-tools" /> : null}
        </colgroup>
        <thead>
          <tr>
            {TALLY_HEADINGS.map((heading) => (
              <th key={heading}>{heading}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <TallyRowView
              key={index}
              index={index}
              row={row}
              form={formOf(catalogue, row.award)}
              catalogue={catalogue}
              writable={writable}
              onAward={(id) => onAward(index, id)}
              onCount={(kind, raw) => onCount(index, kind, raw)}
              onRemove={() => edit((pos) => removeRow(editor, pos, index))}
            />
          ))}
          <tr className="tally-total" data-testid="tally-total" data-collectives={totals.collectives} data-individuals={totals.individuals}>
            <td />
            <td className="tally-total-label">{TALLY_TOTAL_LABEL}</td>
            <td className="tally-count">{totals.collectives}</td>
            <td className="tally-count">{totals.individuals}</td>
          </tr>
        </tbody>
      </table>
      {writable ? (
        <div className="tally-tools">
          <button
            type="button"
            className="frame-add"
            data-testid="tally-add-row"
            onClick={() =>
              edit((pos) => {
                setFocusRow(rows.length);
                addRow(editor, pos);
              })
            }
          >
            + {t.tally.addRow}
          </button>
          <button type="button" className="frame-add is-quiet" data-testid="tally-remove" onClick={() => edit((pos) => removeTally(editor, pos))}>
            {t.tally.removeTally}
          </button>
          {state.state === 'loading' ? <span className="tally-note">{t.tally.catalogueLoading}</span> : null}
          {state.state === 'failed' ? <span className="tally-note is-error">{t.tally.catalogueError}</span> : null}
        </div>
      ) : null}
      {error === null ? null : (
        <p className="tally-error" data-testid="tally-error" role="alert">
          {error}
        </p>
      )}
      <p className="tally-prose" data-testid="tally-prose">
        {prose}
      </p>
      {prose === '' && writable ? <p className="tally-prose-pending">{t.tally.prosePending}</p> : null}
      <NodeViewContent className="tally-content" style={{ display: 'none' }} />
    </NodeViewWrapper>
  );
}
