/**
 * One row of an award tally: its number, the award form (chosen from the catalogue, grouped by level), the
 * number of collectives and of individuals. Counts show blank for none, as the printed table does.
 */
import { AWARD_LEVELS, type AwardCatalogue, type AwardForm } from '../../../../common/awards.js';
import type { TallyRow } from '../../../../common/tallyProse.js';
import { OverlaySelect, type SelectGroup } from '../../components/OverlaySelect.js';
import { useT } from '../../i18n/locale.js';

/** Props of {@link TallyRowView}. */
export interface TallyRowViewProps {
  index: number;
  row: TallyRow;
  /** The row's form, when the catalogue knows it. */
  form: AwardForm | undefined;
  catalogue: AwardCatalogue | null;
  writable: boolean;
  onAward(id: string): void;
  /** A count typed into a cell, as typed (checked by the tally). */
  onCount(kind: 'collective' | 'individual', raw: string): void;
  onRemove(): void;
}

/** The catalogue's forms under their levels' labels, the row's own award first when it is unknown. */
function awardGroups(catalogue: AwardCatalogue | null, current: string, choose: string, unknown: string): SelectGroup[] {
  const forms = catalogue?.forms ?? [];
  const lead = [{ value: '', label: choose }];
  if (current !== '' && !forms.some((form) => form.id === current)) lead.push({ value: current, label: unknown });
  const groups: SelectGroup[] = [{ label: '', options: lead }];
  for (const level of AWARD_LEVELS) {
    const options = forms.filter((form) => form.level === level).map((form) => ({ value: form.id, label: form.name }));
    if (options.length > 0) groups.push({ label: catalogue?.levels[level]?.label ?? level, options });
  }
  return groups;
}

/** A count as the table shows it: blank for none. */
function shown(count: number): string {
  return count > 0 ? String(count) : '';
}

/** See the module comment. */
export function TallyRowView({ index, row, form, catalogue, writable, onAward, onCount, onRemove }: TallyRowViewProps) {
  const t = useT();
  const position = index + 1;
  const unknown = t.tally.unknownAward(row.award);
  let name = form?.name ?? (row.award === '' ? '' : unknown);
  if (name === '' && writable) name = t.tally.chooseAward;
  const countCell = (kind: 'collective' | 'individual') => {
    const value = kind === 'collective' ? row.collectives : row.individuals;
    return (
      <td className="tally-count">
        <input
          className="tally-count-input"
          data-testid={`tally-${kind === 'collective' ? 'collectives' : 'individuals'}-${index}`}
          aria-label={kind === 'collective' ? t.tally.collectives(position) : t.tally.individuals(position)}
          inputMode="numeric"
          autoComplete="off"
          value={shown(value)}
          readOnly={!writable}
          onChange={(event) => onCount(kind, event.target.value)}
        />
      </td>
    );
  };
  return (
    <tr className="tally-row" data-testid={`tally-row-${index}`} data-award={row.award}>
      <td className="tally-number">{position}</td>
      <td className="tally-award">
        <OverlaySelect
          value={row.award}
          onChange={onAward}
          groups={awardGroups(catalogue, row.award, t.tally.chooseAward, unknown)}
          disabled={!writable || catalogue === null}
          label={t.tally.award(position)}
          testId={`tally-award-${index}`}
        >
          <span className={form === undefined ? 'is-placeholder' : ''}>{name}</span>
        </OverlaySelect>
      </td>
      {countCell('collective')}
      {countCell('individual')}
      {writable ? (
        <td className="tally-row-tools">
          <button
            type="button"
            className="line-remove"
            data-testid={`tally-remove-${index}`}
            aria-label={t.tally.removeRow(position)}
            title={t.tally.removeRow(position)}
            onClick={onRemove}
          >
            ×
          </button>
        </td>
      ) : null}
    </tr>
  );
}
