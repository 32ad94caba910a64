/**
 * The office issues an approved report (issue 10, item 2): the number is proposed as the next free one of
 * the report's symbol this year (`GET …/next-number`, Điều 15) and may be changed; the date starts at today
 * in the agency's time zone, written dd/mm/yyyy. Both are shown as the header will print them ("Số:
 * 05/BC-UBND", "Lấp Vò, ngày 05 tháng 02 năm 2025") before the office commits. A refusal stays in the
 * dialog, in words: a number another issued document holds (409 `number_taken`, with the next free one to
 * take instead), a status that moved meanwhile (`invalid_transition`), a busy or failing export. The form
 * checker's errors (issue 12) are listed before the office tries, and "Ban hành" waits until none is left.
 *
 * Keyboard: the number field has the keyboard when it opens, Tab stays inside, Enter issues, Escape closes.
 */
import { useEffect, useId, useState, type FormEvent, type RefObject } from 'react';
import { formatNumberLine, formatPlaceDate } from '../../../common/nd30Format.js';
import { yearOf } from '../../../common/workflow.js';
import { ApiError } from '../api/http.js';
import { changeReportStatus, nextReportNumber } from '../api/reportStatus.js';
import { blocksIssue, IssueChecks, useIssueChecks } from '../checks/IssueChecks.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useAction } from '../components/useAction.js';
import { useT } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import { parseDisplayDate, parseDocumentNumber, printedNumber, todayForIssue } from './issueInput.js';
import { ModalDialog } from './ModalDialog.js';

interface IssueDialogProps {
  reportId: string;
  /** The frame's place and symbol, live: the preview prints them. */
  place: string;
  symbol: string;
  onClose(): void;
  /** Called when the report is issued, just before the dialog closes. */
  onIssued(): void;
  /** Where the keyboard goes once the dialog closes and its button is gone. */
  fallbackFocus: RefObject<HTMLElement | null>;
}

/** What the office asked for, to word a refusal. */
interface Attempt {
  number: string;
  symbol: string;
  year: number;
}

/** The refusal in words, or null for one the generic message describes. */
function refusalText(t: Messages, error: unknown, attempt: Attempt | null): string | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'number_taken':
      return attempt === null ? null : t.workflow.issue.numberTaken(attempt.number, attempt.symbol, attempt.year);
    case 'invalid_transition':
      return t.workflow.issue.invalidTransition;
    case 'report_issued':
      return t.workflow.issue.alreadyIssued;
    case 'export_busy':
      return t.workflow.issue.exportBusy;
    case 'export_too_large':
      return t.workflow.issue.exportTooLarge;
    case 'checks_failed':
      return t.checks.issue.refused;
    default:
      return null;
  }
}

interface IssueFieldProps {
  id: string;
  testId: string;
  label: string;
  value: string;
  /** Under the field: what to write, or what is wrong with it. */
  hint: string;
  invalid: boolean;
  autofocus?: boolean;
  placeholder?: string;
  readOnly: boolean;
  onChange(value: string): void;
}

/** A labelled field of the dialog with its hint, which says what is wrong once it is. */
function IssueField({ id, testId, label, value, hint, invalid, autofocus, placeholder, readOnly, onChange }: IssueFieldProps) {
  return (
    <>
      <label className="workflow-field" htmlFor={id}>
        <span>{label}</span>
        <input
          id={id}
          data-testid={testId}
          data-autofocus={autofocus === true ? '' : undefined}
          inputMode="numeric"
          autoComplete="off"
          placeholder={placeholder}
          value={value}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint`}
          readOnly={readOnly}
          onChange={(event) => onChange(event.target.value)}
        />
      </label>
      <p className="workflow-hint" id={`${id}-hint`} data-testid={`${testId}-hint`}>
        {hint}
      </p>
    </>
  );
}

/** The number and date lines as the header will print them. */
function IssuePreview({ number, symbol, place, isoDate }: { number: number | null; symbol: string; place: string; isoDate: string | null }) {
  const t = useT();
  return (
    <div className="workflow-preview" aria-live="polite">
      <span className="workflow-preview-label">{t.workflow.issue.preview}</span>
      <p className="workflow-preview-line" data-testid="issue-preview-number">
        {formatNumberLine(number ?? '', symbol)}
      </p>
      <p className="workflow-preview-line is-date" data-testid="issue-preview-date">
        {formatPlaceDate(place, isoDate ?? '', isoDate === null ? new Date().getFullYear() : yearOf(isoDate))}
      </p>
    </div>
  );
}

/** The refusal in words where the dialog has them, else the generic message with the server's. */
function IssueError({ error, refusal }: { error: unknown; refusal: string | null }) {
  const t = useT();
  if (error === null) return null;
  return (
    <div data-testid="issue-error">
      {refusal === null ? (
        <ErrorMessage title={t.workflow.issue.failed} error={error} />
      ) : (
        <p className="error-message" role="alert">
          {refusal}
        </p>
      )}
    </div>
  );
}

/** The next free number, asked once on opening and again after a refusal of a taken one. */
function useProposal(reportId: string, round: number) {
  const [proposal, setProposal] = useState<{ number: string; symbol: string; year: number } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    nextReportNumber(reportId, abort.signal).then(
      (next) => setProposal(next),
      () => {
        if (!abort.signal.aborted) setFailed(true);
      },
    );
    return () => abort.abort();
  }, [reportId, round]);
  return { proposal, failed };
}

export function IssueDialog({ reportId, place, symbol, onClose, onIssued, fallbackFocus }: IssueDialogProps) {
  const t = useT();
  const id = useId();
  const action = useAction();
  const [round, setRound] = useState(0);
  const { proposal, failed } = useProposal(reportId, round);
  const checks = useIssueChecks(reportId, round);
  // null: not typed yet, the proposal shows; the office's own text once they type.
  const [typedNumber, setTypedNumber] = useState<string | null>(null);
  const [dateText, setDateText] = useState(todayForIssue);
  const [checked, setChecked] = useState(false);
  const [attempt, setAttempt] = useState<Attempt | null>(null);

  const numberText = typedNumber ?? proposal?.number ?? '';
  const number = parseDocumentNumber(numberText);
  const isoDate = parseDisplayDate(dateText);
  const shownSymbol = proposal?.symbol ?? symbol;
  const taken = action.error instanceof ApiError && action.error.code === 'number_taken';
  const offer = taken && proposal !== null && proposal.number !== printedNumber(numberText) ? proposal.number : null;
  const strings = t.workflow.issue;
  let numberHint = proposal === null ? (failed ? strings.numberLoadError : strings.numberLoading) : strings.numberHint(proposal.symbol, proposal.year);
  if (checked && number === null) numberHint = strings.numberInvalid;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (number === null || isoDate === null || action.pending || blocksIssue(checks)) return;
    // From now on the field keeps what was sent, whatever number is proposed next.
    setTypedNumber(numberText);
    setAttempt({ number: printedNumber(numberText), symbol: shownSymbol, year: yearOf(isoDate) });
    if (await action.run(() => changeReportStatus(reportId, { to: 'issued', number: String(number), date: isoDate }))) {
      onIssued();
      onClose();
      return;
    }
    // Refused (a number taken meanwhile, most likely): ask for the next free number again, to offer it.
    setRound((current) => current + 1);
  };
  const changeNumber = (value: string) => {
    // The refusal was of the number sent: it no longer applies to another.
    action.clear();
    setTypedNumber(value);
  };

  return (
    <ModalDialog title={strings.title} testId="issue-dialog" onClose={onClose} fallbackFocus={fallbackFocus}>
      <form className="workflow-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="workflow-dialog-intro">{strings.intro}</p>
        <IssueField
          id={`${id}-number`}
          testId="issue-number"
          label={strings.number}
          value={numberText}
          hint={numberHint}
          invalid={(checked && number === null) || taken}
          autofocus
          readOnly={action.pending}
          onChange={changeNumber}
        />
        <IssueField
          id={`${id}-date`}
          testId="issue-date"
          label={strings.date}
          value={dateText}
          hint={checked && isoDate === null ? strings.dateInvalid : strings.dateHint}
          invalid={checked && isoDate === null}
          placeholder="dd/mm/yyyy"
          readOnly={action.pending}
          onChange={setDateText}
        />
        <IssuePreview number={number} symbol={shownSymbol} place={place} isoDate={isoDate} />
        <IssueChecks checks={checks} />
        <IssueError error={action.error} refusal={refusalText(t, action.error, attempt)} />
        {offer === null ? null : (
          <button
            type="button"
            className="workflow-button"
            data-testid="issue-use-next"
            onClick={() => {
              changeNumber(offer);
              // The button goes with the refusal: the keyboard goes to the number it filled in.
              document.getElementById(`${id}-number`)?.focus();
            }}
          >
            {strings.useNumber(offer)}
          </button>
        )}
        <div className="workflow-dialog-actions">
          <button type="submit" className="workflow-button is-primary" data-testid="issue-submit" aria-busy={action.pending} disabled={blocksIssue(checks)}>
            {action.pending ? strings.submitting : strings.submit}
          </button>
          <button type="button" className="workflow-button" data-testid="issue-cancel" onClick={onClose}>
            {strings.cancel}
          </button>
        </div>
        <p className="workflow-keys">{strings.keys}</p>
      </form>
    </ModalDialog>
  );
}
