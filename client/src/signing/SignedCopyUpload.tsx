/**
 * The office's upload of the signed copy (issue 10, item 4): a file input, checked in the browser before a
 * byte is sent — over 50 MB, or first bytes that are not a PDF, PNG, JPEG or TIFF, are refused at once
 * with the reason — then sent with its progress shown. The server checks everything again; its refusals
 * are shown in the same words.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { SignedCopy } from '../../../common/api/signedCopy.js';
import { MAX_SIGNED_COPY_BYTES, SIGNED_COPY_TYPES, SNIFF_BYTES, sniffSignedCopyType } from '../../../common/signedCopy.js';
import { uploadSignedCopy } from '../api/signedCopy.js';
import { useT } from '../i18n/locale.js';
import { uploadRefusal } from './signingVerdicts.js';

type UploadState = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'done' } | { kind: 'error'; message: string };

/** What the file picker offers: the types, and their extensions for systems that go by those. */
const ACCEPT = [...SIGNED_COPY_TYPES, '.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff'].join(',');

export interface SignedCopyUploadProps {
  reportId: string;
  /** A copy is stored already: the button replaces it. */
  hasCopy: boolean;
  onStored(copy: SignedCopy): void;
}

export function SignedCopyUpload({ reportId, hasCopy, onStored }: SignedCopyUploadProps) {
  const t = useT();
  const [state, setState] = useState<UploadState>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  // Leaving the page cancels an upload under way.
  useEffect(() => () => running.current?.abort(), []);

  async function send(file: File): Promise<void> {
    if (file.size > MAX_SIGNED_COPY_BYTES) return setState({ kind: 'error', message: t.signing.tooLarge });
    const type = sniffSignedCopyType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
    if (type === null) return setState({ kind: 'error', message: t.signing.wrongType });
    const controller = new AbortController();
    running.current = controller;
    setState({ kind: 'uploading', percent: 0 });
    try {
      const copy = await uploadSignedCopy(reportId, file, type, (fraction) => setState({ kind: 'uploading', percent: Math.floor(fraction * 100) }), controller.signal);
      onStored(copy);
      setState({ kind: 'done' });
    } catch (error) {
      if (!controller.signal.aborted) setState({ kind: 'error', message: uploadRefusal(t, error) });
    } finally {
      if (running.current === controller) running.current = null;
    }
  }

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so that choosing the same file again after a refusal is a change too.
    event.target.value = '';
    if (file) void send(file);
  };

  const uploading = state.kind === 'uploading';
  return (
    <div className="signed-copy-upload">
      <label className={`sheet-action signed-copy-pick${uploading ? ' is-busy' : ''}`}>
        {hasCopy ? t.signing.replace : t.signing.upload}
        <input type="file" className="signed-copy-input" accept={ACCEPT} disabled={uploading} onChange={onChange} data-testid="signed-copy-input" />
      </label>
      <span className="muted signed-copy-hint">{t.signing.uploadHint}</span>
      {uploading ? (
        <span className="signed-copy-progress">
          <progress max={100} value={state.percent} data-testid="signed-copy-progress" aria-label={t.signing.uploading(state.percent)} />{' '}
          {t.signing.uploading(state.percent)}
        </span>
      ) : null}
      <p className="signed-copy-status" role="status" data-testid="signed-copy-status">
        {state.kind === 'done' ? t.signing.uploaded : ''}
      </p>
      <p className="signed-copy-error" role="alert" data-testid="signed-copy-error">
        {state.kind === 'error' ? state.message : ''}
      </p>
    </div>
  );
}
