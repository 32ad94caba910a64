/**
 * Connects a report page to its rooms — the frame (for presence) and one per section — for as long as the
 * page is shown, and tears every provider, awareness and document down when it goes.
 */
import { useEffect, useState } from 'react';
import type { Report } from '../../../common/report.js';
import { formatRoomName } from '../../../common/rooms.js';
import type { Identity } from '../identity.js';
import { connectRoom, type RoomConnection } from './connectRoom.js';

/** The rooms of one report page. */
export interface ReportRooms {
  /** `<reportId>/frame`: the page announces its person here; the presence bar reads it. */
  frame: RoomConnection;
  /** Each section's room, by section id. */
  sections: ReadonlyMap<string, RoomConnection>;
  /** Every room, for aggregate states. */
  all: readonly RoomConnection[];
}

/** The rooms of `report`, or null until they are created (right after the first render). */
export function useReportRooms(report: Report, identity: Identity): ReportRooms | null {
  const [rooms, setRooms] = useState<ReportRooms | null>(null);
  // A key that changes only when the set of rooms or the person changes, not on every new report object.
  const sectionRooms = report.sections.map((section) => `${section.id}\u0000${section.room}`).join('\u0001');
  const { name, color } = identity;

  useEffect(() => {
    const person: Identity = { name, color };
    const frame = connectRoom(formatRoomName({ reportId: report.id, part: { kind: 'frame' } }), person);
    const sections = new Map<string, RoomConnection>();
    for (const entry of sectionRooms === '' ? [] : sectionRooms.split('\u0001')) {
      const [sectionId = '', room = ''] = entry.split('\u0000');
      sections.set(sectionId, connectRoom(room, person));
    }
    const all = [frame, ...sections.values()];
    setRooms({ frame, sections, all });
    return () => {
      setRooms(null);
      for (const room of all) room.destroy();
    };
  }, [report.id, sectionRooms, name, color]);

  return rooms;
}
