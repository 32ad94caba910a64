/**
 * The signature block as the footer prints it (PL I, ô 7a–7c): the authority line(s) — one of the
 * standard forms, TM., KT., Q., TL., TUQ. (common/frame.ts `SIGN_AUTHORITIES`) — and the title, bold and in
 * upper case; room for the signature and the seal; the signer's name, bold. The office chooses the
 * authority from the list, types the title (with the usual titles suggested) and the name.
 */
import { useId } from 'react';
import { authorityLine, SIGN_AUTHORITIES, SIGN_TITLES } from '../../../common/frame.js';
import { NfcTextField } from '../components/NfcTextField.js';
import { OverlaySelect, type SelectGroup } from '../components/OverlaySelect.js';
import { useT } from '../i18n/locale.js';
import { writeField, type FrameBinding } from './frameBinding.js';

/** The authority's printed lines: "TM. ỦY BAN NHÂN DÂN", or two lines for "TM. …" then "KT. …". */
function authorityLines(value: string): string[] {
  return value.split('\n').map(authorityLine).filter(Boolean);
}

/** The standard forms, each with what it means; a stored value that is none of them is kept as "other". */
function authorityChoices(current: string, meanings: readonly string[], other: string): SelectGroup[] {
  const standard = SIGN_AUTHORITIES.map((form, index) => ({
    value: form.value,
    label: `${authorityLines(form.value).join(' / ')} (${meanings[index] ?? form.meaning})`,
  }));
  const extra = current === '' || standard.some((option) => option.value === current) ? [] : [{ value: current, label: `${authorityLines(current).join(' / ')} (${other})` }];
  return [{ label: '', options: [{ value: '', label: '—' }, ...extra, ...standard] }];
}

/** The right column of the footer. */
export function SignatureBlock({ frame }: { frame: FrameBinding }) {
  const t = useT();
  const titles = useId();
  const { fields, writable } = frame;
  const lines = authorityLines(fields.signAuthority);
  return (
    <div className="signature-block">
      <OverlaySelect
        className="sign-authority"
        value={fields.signAuthority}
        onChange={(value) => writeField(frame, 'signAuthority', value)}
        groups={authorityChoices(fields.signAuthority, t.frame.signAuthorityMeanings, t.frame.otherAuthority)}
        disabled={!writable}
        label={t.frame.signAuthority}
        testId="frame-signAuthority"
      >
        {lines.length === 0 ? (
          <span className="sign-line is-placeholder">{writable ? `(${t.frame.signAuthority})` : ''}</span>
        ) : (
          lines.map((line, index) => (
            <span className="sign-line" key={index} data-testid="frame-sign-line">
              {line}
            </span>
          ))
        )}
      </OverlaySelect>
      <NfcTextField
        kind="input"
        className="sign-title"
        list={titles}
        label={t.frame.signTitle}
        placeholder={writable ? t.frame.signTitle.toLocaleUpperCase('vi') : undefined}
        testId="frame-signTitle"
        value={fields.signTitle}
        readOnly={!writable}
        onValue={(value) => writeField(frame, 'signTitle', value)}
      />
      <datalist id={titles}>
        {SIGN_TITLES.map((title) => (
          <option key={title} value={title} />
        ))}
      </datalist>
      <div className="signature-space" aria-hidden="true" />
      <NfcTextField
        kind="input"
        className="signer-name"
        label={t.frame.signerName}
        placeholder={writable ? t.frame.signerPlaceholder : undefined}
        testId="frame-signerName"
        value={fields.signerName}
        readOnly={!writable}
        onValue={(value) => writeField(frame, 'signerName', value)}
      />
    </div>
  );
}
