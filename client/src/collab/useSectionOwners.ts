/**
 * The owner of each section of a report, live: first as `GET /api/reports/:id` gave them, then as the
 * review room says whenever the office reassigns one — on every page open on the report, at once.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Report } from '../../../common/report.js';
import type { RoomConnection } from './connectRoom.js';
import { readOwners, watchOwners } from './reviewRoom.js';

/** Section id → owning department id (null: "Chưa giao"). */
export type SectionOwners = ReadonlyMap<string, string | null>;

function merge(current: SectionOwners, changes: ReadonlyMap<string, string | null>): SectionOwners {
  let next: Map<string, string | null> | null = null;
  for (const [sectionId, owner] of changes) {
    if (!current.has(sectionId) || current.get(sectionId) === owner) continue;
    next ??= new Map(current);
    next.set(sectionId, owner);
  }
  return next ?? current;
}

/**
 * The owners of `report`'s sections, following `review` (the report's review room) once it is connected.
 * `setOwner` applies a change the page made itself (the answer to its own assignment) before the room
 * echoes it.
 */
export function useSectionOwners(
  report: Report,
  review: RoomConnection | undefined,
): { owners: SectionOwners; setOwner(sectionId: string, owner: string | null): void } {
  const [owners, setOwners] = useState<SectionOwners>(
    () => new Map(report.sections.map((section) => [section.id, section.ownerDepartmentId])),
  );

  useEffect(() => {
    setOwners((current) => merge(current, new Map(report.sections.map((section) => [section.id, section.ownerDepartmentId]))));
  }, [report]);

  useEffect(() => {
    if (review === undefined) return;
    const update = () => setOwners((current) => merge(current, readOwners(review.doc)));
    update();
    return watchOwners(review.doc, update);
  }, [review]);

  const setOwner = useCallback((sectionId: string, owner: string | null) => {
    setOwners((current) => merge(current, new Map([[sectionId, owner]])));
  }, []);

  return { owners, setOwner };
}
