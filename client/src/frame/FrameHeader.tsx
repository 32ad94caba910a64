/**
 * The first page's header, laid out as the document prints it (ND30.md "The header", PL I ô 1–5): a
 * two-column block — left, the parent agency (upper case, upright), the issuing agency (upper case, bold)
 * with a short rule, and "Số: …/symbol"; right, the national name and the motto (bold, a rule as long as
 * the motto) and, level with "Số", the place and date (italic) — then the document type and the subject
 * line (bold, centred, a short rule).
 *
 * Each field is bound live to its key of the frame room. Lines the standard composes from several fields
 * (the number line, the place and date) are shown as printed, with the fields that make them below, in the
 * interface's font and not printed. The number is given when the report is issued: until then the line
 * leaves it blank ("Số:      /BC-UBND"). Whoever may not write the frame sees it read-only, and why.
 */
import { formatNumberLine, formatPlaceDate } from '../../../common/nd30Format.js';
import { NfcTextField } from '../components/NfcTextField.js';
import { useT } from '../i18n/locale.js';
import { writeField, type FrameBinding } from './frameBinding.js';
import { FrameNote } from './FrameNote.js';
import { NATIONAL_NAME, MOTTO } from '../../../common/nd30Text.js';


/** "Số: 05/BC-UBND", and for the office the symbol (and the number, given at issue) below it. */
function NumberLine({ frame }: { frame: FrameBinding }) {
  const t = useT();
  const { fields, writable } = frame;
  return (
    <div className="frame-cell frame-number">
      <p className="number-line" data-testid="frame-number-line">
        {formatNumberLine(fields.number, fields.symbol)}
      </p>
      {writable ? (
        <div className="frame-tools">
          <label className="frame-tool">
            <span>{t.frame.number}</span>
            <input
              className="frame-tool-input is-number"
              data-testid="frame-number"
              value={fields.number}
              readOnly
              title={t.frame.numberHint}
              placeholder="…"
            />
          </label>
          <label className="frame-tool">
            <span>{t.frame.symbol}</span>
            <NfcTextField
              kind="input"
              className="frame-tool-input is-symbol"
              label={t.frame.symbol}
              testId="frame-symbol"
              value={fields.symbol}
              onValue={(value) => writeField(frame, 'symbol', value.replace(/\s+/g, ''))}
            />
          </label>
        </div>
      ) : null}
    </div>
  );
}

/** "Lấp Vò, ngày 05 tháng 02 năm 2024", and for the office the place and the date below it. */
function PlaceDateLine({ frame }: { frame: FrameBinding }) {
  const t = useT();
  const { fields, writable } = frame;
  return (
    <div className="frame-cell frame-place-date">
      <p className="place-date" data-testid="frame-place-date">
        {formatPlaceDate(fields.place, fields.date, new Date().getFullYear())}
      </p>
      {writable ? (
        <div className="frame-tools">
          <label className="frame-tool">
            <span>{t.frame.place}</span>
            <NfcTextField
              kind="input"
              className="frame-tool-input is-place"
              label={t.frame.place}
              testId="frame-place"
              value={fields.place}
              onValue={(value) => writeField(frame, 'place', value)}
            />
          </label>
          <label className="frame-tool">
            <span>{t.frame.date}</span>
            <input
              type="date"
              className="frame-tool-input is-date"
              data-testid="frame-date"
              aria-label={t.frame.date}
              value={fields.date}
              onChange={(event) => writeField(frame, 'date', event.target.value)}
            />
          </label>
        </div>
      ) : null}
    </div>
  );
}

/** The header of the report's first page. */
export function FrameHeader({ frame }: { frame: FrameBinding }) {
  const t = useT();
  const { fields, writable } = frame;
  const readOnly = !writable;
  return (
    <>
      <FrameNote show={frame.readOnlyForPerson} issued={frame.issued} testId="frame-readonly" />
      <header className="frame-header" data-testid="frame-header" data-writable={writable}>
        <div className="frame-grid">
          <div className="frame-cell frame-agency">
            {writable || fields.parentAgency !== '' ? (
              <NfcTextField
                className="parent-agency"
                label={t.frame.parentAgency}
                placeholder={writable ? t.frame.parentAgencyPlaceholder : undefined}
                testId="frame-parentAgency"
                value={fields.parentAgency}
                readOnly={readOnly}
                onValue={(value) => writeField(frame, 'parentAgency', value)}
              />
            ) : null}
            <NfcTextField
              className="agency"
              rule
              label={t.frame.agency}
              placeholder={writable ? t.frame.agencyPlaceholder : undefined}
              testId="frame-agency"
              value={fields.agency}
              readOnly={readOnly}
              onValue={(value) => writeField(frame, 'agency', value)}
            />
          </div>
          <div className="frame-cell frame-national">
            <p className="national-name">{NATIONAL_NAME}</p>
            <p className="motto">
              <span className="motto-text">{MOTTO}</span>
            </p>
          </div>
          <NumberLine frame={frame} />
          <PlaceDateLine frame={frame} />
        </div>
        <div className="title-block">
          <p className="doc-type" data-testid="frame-docType">
            {fields.docType.toLocaleUpperCase('vi')}
          </p>
          <NfcTextField
            className="doc-subject"
            rule
            label={t.frame.subject}
            placeholder={writable ? t.frame.subjectPlaceholder : undefined}
            testId="frame-subject"
            value={fields.subject}
            readOnly={readOnly}
            onValue={(value) => writeField(frame, 'subject', value)}
          />
        </div>
      </header>
    </>
  );
}
