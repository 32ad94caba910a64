/**
 * How the report now differs from a version (issue 10, item 5): the frame's fields that changed, then the
 * opening paragraphs and each section, paragraph by paragraph — a paragraph only the version has struck
 * through (`<del>`), one only now has underlined (`<ins>`), one changed with its words so marked. Sections
 * without a change say so. Each mark also says in words what it is, for screen readers.
 */
import type { FrameChange, ParagraphChange, PartDiff, VersionDiff as Diff } from '../../../common/api/versions.js';
import type { TextChange } from '../../../common/textDiff.js';
import { useLocale, useT } from '../i18n/locale.js';

function Marked({ change }: { change: TextChange }) {
  const strings = useT().versions;
  switch (change.op) {
    case 'same':
      return <>{change.text}</>;
    case 'deleted':
      return (
        <del>
          <span className="version-sr-only">{strings.deletedMark}: </span>
          {change.text}
        </del>
      );
    case 'inserted':
      return (
        <ins>
          <span className="version-sr-only">{strings.insertedMark}: </span>
          {change.text}
        </ins>
      );
  }
}

function Words({ words }: { words: readonly TextChange[] }) {
  return (
    <>
      {words.map((change, index) => (
        <Marked key={index} change={change} />
      ))}
    </>
  );
}

function ParagraphView({ paragraph }: { paragraph: ParagraphChange }) {
  const className = `diff-paragraph is-${paragraph.op} role-${paragraph.role}`;
  switch (paragraph.op) {
    case 'same':
      return <p className={className}>{paragraph.text}</p>;
    case 'deleted':
    case 'inserted':
      return (
        <p className={className} data-testid={`diff-${paragraph.op}`}>
          <Marked change={{ op: paragraph.op, text: paragraph.text }} />
        </p>
      );
    case 'changed':
      return (
        <p className={className} data-testid="diff-changed">
          <Words words={paragraph.words} />
        </p>
      );
  }
}

function PartView({ part }: { part: PartDiff }) {
  return (
    <>
      {part.paragraphs.map((paragraph, index) => (
        <ParagraphView key={index} paragraph={paragraph} />
      ))}
    </>
  );
}

function FrameChanges({ changes }: { changes: readonly FrameChange[] }) {
  const strings = useT().versions;
  return (
    <section className="diff-frame" data-testid="diff-frame">
      <h2 className="version-heading">{strings.frameHeading}</h2>
      <dl>
        {changes.map((change) => (
          <div key={change.field} className="diff-field" data-field={change.field}>
            <dt>{strings.fields[change.field]}</dt>
            <dd className="diff-words">
              <Words words={change.words} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function VersionDiff({ diff }: { diff: Diff }) {
  const strings = useT().versions;
  // The report is Vietnamese; what the interface says about it is in the reader's language.
  const { locale } = useLocale();
  return (
    <article className="sheet version-sheet version-diff" lang="vi" data-testid="version-diff" data-changed={diff.changed}>
      <p className="diff-legend" lang={locale}>
        {diff.changed ? strings.legend : strings.noChanges}
      </p>
      {diff.frame.length > 0 && <FrameChanges changes={diff.frame} />}
      {diff.preamble.changed && (
        <section className="version-section" data-testid="diff-preamble">
          <h2 className="version-heading">{strings.preambleHeading}</h2>
          <PartView part={diff.preamble} />
        </section>
      )}
      {diff.sections.map((section) => (
        <section key={section.id} className="version-section" data-testid={`diff-section-${section.id}`} data-changed={section.changed}>
          <h2 className="version-heading">{`${section.number}. ${section.title.toLocaleUpperCase('vi')}`}</h2>
          {section.changed ? <PartView part={section} /> : <p className="muted" lang={locale}>{strings.unchanged}</p>}
        </section>
      ))}
    </article>
  );
}
