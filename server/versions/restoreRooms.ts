/**
 * Restoring a version in the live rooms (issue 10, item 5), one room at a time, through the room registry:
 * each room is changed as the server changes it for an accepted suggestion — in the room's queue, after
 * every edit it has received, stored, then sent to every open editor (server/collab/room.ts,
 * `applyServerChange`). The room's state just before and just after are read in the same turn, so no edit
 * can fall between what the "before" version holds and the change.
 */
import * as Y from 'yjs';
import { parseRoomName } from '../../common/rooms.js';
import type { RoomRegistry } from '../collab/roomRegistry.js';
import type { DocumentStore } from '../storage/store.js';
import { docFromStored } from '../storage/storedDocument.js';
import { reportIssued } from '../workflow/workflowErrors.js';
import { readAsVersion } from './readAsVersion.js';

/** One room's restore: its whole state before and after, and whether the restore changed it. */
export interface RoomRestore {
  before: Uint8Array;
  after: Uint8Array;
  changed: boolean;
}

export interface RestoreRooms {
  /** Makes the room `room` read as `state` (the room's whole state in a version). */
  restoreRoom(room: string, state: Uint8Array): Promise<RoomRestore>;
  /** The room's whole state as stored: every edit it has relayed (it stores before it relays). */
  storedState(room: string): Promise<Uint8Array>;
}

/**
 * @param isHeld whether this process is issuing (or has issued) the report (server/workflow/freezes.ts):
 *   checked in the room's queue, so a restore can never write behind an issue's freeze.
 */
export function liveRestoreRooms(
  registry: RoomRegistry,
  store: Pick<DocumentStore, 'loadDocument'>,
  isHeld: (reportId: string) => boolean,
): RestoreRooms {
  return {
    async restoreRoom(room, state) {
      const name = parseRoomName(room);
      if (name === null || name.part.kind === 'review') throw new Error(`"${room}" is not a room a version restores`);
      const { reportId, part } = name;
      const version = new Y.Doc();
      try {
        Y.applyUpdate(version, state);
        const outcome: { result?: RoomRestore } = {};
        await registry.withRoom(room, (live) =>
          live.applyServerChange((doc) => {
            if (isHeld(reportId)) throw reportIssued();
            const before = Y.encodeStateAsUpdate(doc);
            const changed = readAsVersion(doc, version, part);
            // Inside the transaction the document already holds the change: this is what is stored and sent.
            outcome.result = { before, after: changed ? Y.encodeStateAsUpdate(doc) : before, changed };
          }),
        );
        if (!outcome.result) throw new Error(`the restore of ${room} did not run`);
        return outcome.result;
      } finally {
        version.destroy();
      }
    },

    async storedState(room) {
      const doc = docFromStored(await store.loadDocument(room));
      try {
        return Y.encodeStateAsUpdate(doc);
      } finally {
        doc.destroy();
      }
    },
  };
}
