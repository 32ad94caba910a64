/**
 * The footer after the sections, as the export prints it (ND30.md "The footer", PL I ô 9a and 7): a
 * two-column block — left, "Nơi nhận:" (bold italic) and the recipients; right, the signature block —
 * both starting on the same line.
 */
import type { FrameBinding } from './frameBinding.js';
import { FrameNote } from './FrameNote.js';
import { RecipientList } from './RecipientList.js';
import { SignatureBlock } from './SignatureBlock.js';
import { RECIPIENTS_LABEL } from '../../../common/nd30Text.js';


/** The footer of the report. */
export function FrameFooter({ frame }: { frame: FrameBinding }) {
  return (
    <>
      <FrameNote show={frame.readOnlyForPerson} issued={frame.issued} testId="frame-footer-readonly" />
      <footer className="frame-footer" data-testid="frame-footer" data-writable={frame.writable}>
        <div className="frame-cell footer-recipients">
          <p className="recipients-label">{RECIPIENTS_LABEL}</p>
          <RecipientList frame={frame} />
        </div>
        <SignatureBlock frame={frame} />
      </footer>
    </>
  );
}
