/**
 * A version of a report, read-only (issue 10, item 5), laid out like the page it prints as: the header
 * lines, the subject, the opening paragraphs, every section with its heading, numbered items, list items and
 * award tallies (table, then prose), and the footer — from the content the server reads out of the
 * version's rooms (common/api/versions.ts), as the Word export prints it. Plain text: nothing here is
 * editable, and no room is opened.
 */
import type { ContentBlock, VersionContent as Content } from '../../../common/api/versions.js';
import { recipientLines, signatureLines } from '../../../common/frame.js';
import { formatNumberLine, formatPlaceDate, parseIsoDate } from '../../../common/nd30Format.js';
import { RECIPIENTS_LABEL, TALLY_HEADINGS, TALLY_TOTAL_LABEL } from '../../../common/nd30Text.js';
import { useT } from '../i18n/locale.js';

/** Deeper lists are stepped in no further (versions.css has a class per depth up to this). */
const MAX_DEPTH = 4;

/** A count as the table prints it: blank for none. */
const cell = (count: number) => (count > 0 ? String(count) : '');

/** One block: a paragraph (its label starts its text), a tally's table, a rule. */
export function ContentBlockView({ block }: { block: ContentBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return (
        <p className={`version-paragraph is-${block.role} depth-${Math.min(block.depth, MAX_DEPTH)}`}>
          {block.text}
        </p>
      );
    case 'tally':
      return (
        <table className="version-tally">
          <thead>
            <tr>
              {TALLY_HEADINGS.map((heading) => (
                <th key={heading}>{heading}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, index) => (
              <tr key={index}>
                <td>{index + 1}</td>
                <td>{row.award}</td>
                <td>{cell(row.collectives)}</td>
                <td>{cell(row.individuals)}</td>
              </tr>
            ))}
            <tr className="is-total">
              <td />
              <td>{TALLY_TOTAL_LABEL}</td>
              <td>{block.total.collectives}</td>
              <td>{block.total.individuals}</td>
            </tr>
          </tbody>
        </table>
      );
    case 'rule':
      return <hr />;
  }
}

function Blocks({ blocks }: { blocks: readonly ContentBlock[] }) {
  return (
    <>
      {blocks.map((block, index) => (
        <ContentBlockView key={index} block={block} />
      ))}
    </>
  );
}

export function VersionContent({ content, createdAt }: { content: Content; createdAt: string }) {
  const strings = useT().versions;
  const { frame } = content;
  // A date still blank prints the year the version was stored in, as the export does.
  const year = parseIsoDate(createdAt.slice(0, 10))?.year;
  return (
    <article className="sheet version-sheet" lang="vi" data-testid="version-content">
      <header className="version-frame">
        <div className="version-frame-agency">
          <p>{frame.parentAgency.toLocaleUpperCase('vi')}</p>
          <p className="is-strong">{frame.agency.toLocaleUpperCase('vi')}</p>
          <p>{formatNumberLine(frame.number, frame.symbol)}</p>
        </div>
        <p className="version-frame-date">{formatPlaceDate(frame.place, frame.date, year)}</p>
        <p className="version-frame-type">{frame.docType.toLocaleUpperCase('vi')}</p>
        <p className="version-frame-subject" data-testid="version-subject">
          {frame.subject}
        </p>
      </header>
      <Blocks blocks={content.preamble} />
      {content.sections.map((section) => (
        <section key={section.id} className="version-section" data-testid={`version-section-${section.id}`}>
          <h2 className="version-heading">{section.heading}</h2>
          {section.blocks.length === 0 ? <p className="muted">{strings.emptySection}</p> : <Blocks blocks={section.blocks} />}
        </section>
      ))}
      <footer className="version-footer">
        <div className="version-recipients">
          <p className="is-label">{RECIPIENTS_LABEL}</p>
          {recipientLines(frame.recipients).map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </div>
        <div className="version-signature">
          {signatureLines(frame).map((line, index) => (
            <p key={index} className="is-strong">
              {line}
            </p>
          ))}
          <p className="is-strong version-signer">{frame.signerName}</p>
        </div>
      </footer>
    </article>
  );
}
