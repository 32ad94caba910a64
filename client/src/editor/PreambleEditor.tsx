/**
 * The opening paragraphs before section I (the basis and purpose of the report), edited in the frame
 * room's `preamble` fragment with the section schema. Like the header, only the office writes it. The
 * editor appears once the frame room holds its content — synced with the server, or loaded from the
 * office's browser copy of a room that had synced (localCopy.ts) — so it never starts from an empty
 * document, and what the office typed offline is there after a reload.
 */
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Access } from '../../../common/access.js';
import { PREAMBLE_FRAGMENT } from '../../../common/rooms.js';
import type { RoomConnection } from '../collab/connectRoom.js';
import { useT } from '../i18n/locale.js';
import type { Identity } from '../identity.js';
import { useReportEditor } from './navigation/reportEditors.js';
import { sectionExtensions } from './sectionExtensions.js';
import { useIdleMount } from './useIdleMount.js';

interface PreambleEditorProps {
  /** The frame room, or undefined while the page is still connecting. */
  room: RoomConnection | undefined;
  identity: Identity;
  access: Access;
  /** The page has opened: a reader's editor is built from then on (useIdleMount.ts), a writer's at once. */
  opened: boolean;
}

const NO_ROOM = { subscribe: () => () => {}, status: () => undefined };

function BoundPreamble({ room, identity, access }: { room: RoomConnection; identity: Identity; access: Access }) {
  const t = useT();
  const writable = access === 'write';
  const editor = useEditor(
    {
      extensions: sectionExtensions(room, identity, PREAMBLE_FRAGMENT),
      editable: writable,
      editorProps: { attributes: { class: 'section-body', lang: 'vi', role: 'textbox', 'aria-multiline': 'true', 'aria-label': t.report.preamble } },
    },
    [room, identity.name, identity.color],
  );
  useReportEditor(editor, null);
  useEffect(() => {
    editor.setEditable(writable);
    editor.view.dom.setAttribute('aria-readonly', String(!writable));
  }, [editor, writable]);
  return (
    <div className={`section-editor preamble ${writable ? '' : 'is-read-only'}`} data-testid="preamble-editor">
      <EditorContent editor={editor} />
    </div>
  );
}

export function PreambleEditor({ room, identity, access, opened }: PreambleEditorProps) {
  const saves = room?.saves ?? NO_ROOM;
  const status = useSyncExternalStore(saves.subscribe, saves.status);
  const [readyRoom, setReadyRoom] = useState<RoomConnection | undefined>(undefined);
  if (room !== undefined && readyRoom !== room && status?.contentReady === true) setReadyRoom(room);
  const build = useIdleMount(access === 'write', opened);
  if (room === undefined || readyRoom !== room || !build) return null;
  return <BoundPreamble room={room} identity={identity} access={access} />;
}
