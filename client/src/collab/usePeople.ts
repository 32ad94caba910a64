/** The people in a report, re-rendering when someone arrives or leaves. */
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { peopleIn, watchPeople, type Person } from './presence.js';

function samePeople(a: readonly Person[], b: readonly Person[]): boolean {
  return (
    a.length === b.length &&
    a.every((person, index) => {
      const other = b[index];
      return person.key === other?.key && person.self === other.self && person.departmentName === other.departmentName;
    })
  );
}

/** The people announced in `awareness` (empty while there is none). */
export function usePeople(awareness: Awareness | undefined): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    if (awareness === undefined) {
      setPeople([]);
      return;
    }
    const update = () => {
      const next = peopleIn(awareness);
      setPeople((previous) => (samePeople(previous, next) ? previous : next));
    };
    update();
    return watchPeople(awareness, update);
  }, [awareness]);
  return people;
}
