/**
 * One section of the report: its owner, its heading ("I. TITLE", metadata, not editable) and its own
 * collaborative editor on the section's room. The editor is created only once the room has synced with
 * the server, so it never starts from an empty document (the server writes each section's starting
 * content; the client never does).
 */
import { EditorContent, useEditor } from '@tiptap/react';
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ReportSection } from '../../../common/report.js';
import type { RoomConnection } from '../collab/connectRoom.js';
import { useT } from '../i18n/locale.js';
import type { Identity } from '../identity.js';
import { EditorToolbar } from './EditorToolbar.js';
import { sectionExtensions } from './sectionExtensions.js';

interface SectionEditorProps {
  section: ReportSection;
  /** The section's room, or undefined while the page is still connecting. */
  room: RoomConnection | undefined;
  identity: Identity;
}

const NO_ROOM = { subscribe: () => () => {}, status: () => undefined };

/** The heading shown for a section, as the decree writes it: "I. TITLE" in upper case. */
export function sectionHeading(section: Pick<ReportSection, 'number' | 'title'>): string {
  return `${section.number}. ${section.title.toLocaleUpperCase('vi')}`;
}

function SectionFrame({ section, toolbar, children }: { section: ReportSection; toolbar?: ReactNode; children: ReactNode }) {
  const t = useT();
  const owned = section.ownerDepartmentId !== null;
  return (
    <>
      <aside className="section-margin">
        <span className={`owner-label ${owned ? 'is-assigned' : ''}`} data-testid={`owner-${section.id}`}>
          <span className="owner-label-title">{t.report.owner}</span>
          <span className="owner-label-name">{section.ownerDepartmentId ?? t.report.unassigned}</span>
        </span>
        {toolbar}
      </aside>
      <div className="section-content">
        <h2 className="section-title">{sectionHeading(section)}</h2>
        {children}
      </div>
    </>
  );
}

function BoundEditor({ section, room, identity }: { section: ReportSection; room: RoomConnection; identity: Identity }) {
  const editor = useEditor(
    {
      extensions: sectionExtensions(room, identity),
      editorProps: {
        attributes: { class: 'section-body', lang: 'vi', 'aria-label': sectionHeading(section) },
      },
    },
    [room, identity.name, identity.color],
  );
  return (
    <SectionFrame section={section} toolbar={<EditorToolbar editor={editor} />}>
      <div className="section-editor" data-testid={`editor-${section.id}`}>
        <EditorContent editor={editor} />
      </div>
    </SectionFrame>
  );
}

/** A section with its owner label, heading and editor. */
export function SectionEditor({ section, room, identity }: SectionEditorProps) {
  const t = useT();
  const saves = room?.saves ?? NO_ROOM;
  const status = useSyncExternalStore(saves.subscribe, saves.status);
  // Latched per room: once synced, the editor stays while the room reconnects (edits are kept and sent
  // when the connection is back).
  const [readyRoom, setReadyRoom] = useState<RoomConnection | undefined>(undefined);
  if (room !== undefined && readyRoom !== room && status?.link === 'synced') setReadyRoom(room);

  return (
    <section className="report-section" data-testid={`section-${section.id}`}>
      {room !== undefined && readyRoom === room ? (
        <BoundEditor section={section} room={room} identity={identity} />
      ) : (
        <SectionFrame section={section}>
          <p className="section-loading">{t.report.sectionLoading}</p>
        </SectionFrame>
      )}
    </section>
  );
}
