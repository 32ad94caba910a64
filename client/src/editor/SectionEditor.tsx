/**
 * One section of the report: its bar (owner, why it is read-only), its heading ("I. TITLE", metadata, not
 * editable) with the chairperson's verdict beside it, and its own collaborative editor on the section's room. The editor is created only once the
 * room holds the section's content — synced with the server, or loaded from the browser's copy of a room
 * that had synced (localCopy.ts) — so it never starts from an empty document (the server writes each
 * section's starting content; the client never does). Where the person may not write, the editor is not
 * editable and the room holds back any local change (the server would close the connection with 4403);
 * text they typed but could not send before losing the section is shown below it, to copy. The editor of a
 * section the person may only read is built after the page has opened (useIdleMount.ts).
 */
import { EditorContent, useEditor } from '@tiptap/react';
import { useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Access } from '../../../common/access.js';
import type { ReportSection } from '../../../common/report.js';
import type { RoomConnection } from '../collab/connectRoom.js';
import { useKeptCopy } from '../collab/useKeptCopy.js';
import { useT } from '../i18n/locale.js';
import type { Identity } from '../identity.js';
import { EditorToolbar } from './EditorToolbar.js';
import { useSectionReview } from '../review/useSectionReview.js';
import { KeptCopyPanel } from './KeptCopyPanel.js';
import { useReportEditor } from './navigation/reportEditors.js';
import { sectionExtensions } from './sectionExtensions.js';
import { useIdleMount } from './useIdleMount.js';
import { AwardCatalogueContext, TallyEnvironmentContext } from './tally/tallyEnvironment.js';

interface SectionEditorProps {
  section: ReportSection;
  /** The section's room, or undefined while the page is still connecting. */
  room: RoomConnection | undefined;
  identity: Identity;
  /** Whether the person may write the section now; changes live when the office reassigns it. */
  access: Access;
  /** The line above the heading: owner, read-only reason. */
  bar: ReactNode;
  /** Beside the heading: the chairperson's verdict on the section (not printed). */
  verdict?: ReactNode;
  /** The name of the person's browser copy of the section's room (localCopy.ts). */
  copyName: string;
  /** Why unsent text kept in that copy cannot go into the section, shown above it when there is some. */
  keptReason: string;
  /**
   * The page has opened (every room synced): a section the person may only read gets its editor from then
   * on (useIdleMount.ts); one they write gets it as soon as its room holds its content.
   */
  opened: boolean;
}

const NO_ROOM = { subscribe: () => () => {}, status: () => undefined };

/** The heading shown for a section, as the decree writes it: "I. TITLE" in upper case. */
export function sectionHeading(section: Pick<ReportSection, 'number' | 'title'>): string {
  return `${section.number}. ${section.title.toLocaleUpperCase('vi')}`;
}

interface SectionFrameProps {
  section: ReportSection;
  bar: ReactNode;
  /** Beside the heading (the chairperson's verdict); the heading has the whole line without it. */
  verdict?: ReactNode;
  toolbar?: ReactNode;
  children: ReactNode;
  /** Below the text, outside the document (the kept copy). */
  after?: ReactNode;
}

function SectionFrame({ section, bar, verdict, toolbar, children, after }: SectionFrameProps) {
  const heading = <h2 className="section-title">{sectionHeading(section)}</h2>;
  return (
    <>
      <aside className="section-margin">{toolbar}</aside>
      <div className="section-content">
        {bar}
        {verdict === undefined || verdict === null ? heading : <div className="section-heading">{heading}{verdict}</div>}
        {children}
        {after}
      </div>
    </>
  );
}

interface BoundEditorProps {
  section: ReportSection;
  room: RoomConnection;
  identity: Identity;
  access: Access;
  bar: ReactNode;
  verdict: ReactNode;
  after: ReactNode;
}

function BoundEditor({ section, room, identity, access, bar, verdict, after }: BoundEditorProps) {
  const writable = access === 'write';
  const editor = useEditor(
    {
      extensions: sectionExtensions(room, identity),
      editable: writable,
      editorProps: {
        // A labelled text box for screen readers (a `div` may not carry a label without a role: axe).
        attributes: { class: 'section-body', lang: 'vi', role: 'textbox', 'aria-multiline': 'true', 'aria-label': sectionHeading(section) },
      },
    },
    [room, identity.name, identity.color],
  );

  const selectReviewCard = useSectionReview(section.id, editor);
  useReportEditor(editor, section.id);
  const catalogue = useContext(AwardCatalogueContext);
  const tallies = useMemo(() => ({ catalogue, writable }), [catalogue, writable]);

  useEffect(() => {
    // The room first: when writing is taken away, nothing typed from now on may reach the server.
    room.setWritable(writable);
    editor.setEditable(writable);
    editor.view.dom.setAttribute('aria-readonly', String(!writable));
  }, [editor, room, writable]);

  return (
    <SectionFrame section={section} bar={bar} verdict={verdict} toolbar={writable ? <EditorToolbar editor={editor} /> : null} after={after}>
      {/* A click on a highlighted comment or suggestion selects its card in the sidebar. */}
      <div className={`section-editor ${writable ? '' : 'is-read-only'}`} data-testid={`editor-${section.id}`} onClick={selectReviewCard}>
        {/* Node views (award tallies) render inside EditorContent, so they read this context. */}
        <TallyEnvironmentContext.Provider value={tallies}>
          <EditorContent editor={editor} />
        </TallyEnvironmentContext.Provider>
      </div>
    </SectionFrame>
  );
}

/** A section with its bar, heading and editor. */
export function SectionEditor({ section, room, identity, access, bar, verdict, copyName, keptReason, opened }: SectionEditorProps) {
  const t = useT();
  const saves = room?.saves ?? NO_ROOM;
  const status = useSyncExternalStore(saves.subscribe, saves.status);
  // Latched per room: once it has its content, the editor stays while the room reconnects (edits are
  // kept and sent when the connection is back).
  const [readyRoom, setReadyRoom] = useState<RoomConnection | undefined>(undefined);
  if (room !== undefined && readyRoom !== room && status?.contentReady === true) setReadyRoom(room);
  const build = useIdleMount(access === 'write', opened);
  const kept = useKeptCopy(copyName, room, access !== 'write');
  const after = kept === null ? null : <KeptCopyPanel sectionId={section.id} kept={kept} reason={keptReason} />;

  return (
    <section className="report-section" data-testid={`section-${section.id}`} data-access={access}>
      {room !== undefined && readyRoom === room && build ? (
        <BoundEditor section={section} room={room} identity={identity} access={access} bar={bar} verdict={verdict} after={after} />
      ) : (
        <SectionFrame section={section} bar={bar} verdict={verdict} after={after}>
          <p className="section-loading">{t.report.sectionLoading}</p>
        </SectionFrame>
      )}
    </section>
  );
}
