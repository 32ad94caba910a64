import { describe, expect, it } from 'vitest';
import {
  formatRoomName,
  isValidId,
  parseRoomName,
  sectionRoom,
  type RoomName,
} from '../../../common/rooms.js';

describe('room names', () => {
  const rooms: Array<[string, RoomName]> = [
    ['r1/frame', { reportId: 'r1', part: { kind: 'frame' } }],
    ['r1/review', { reportId: 'r1', part: { kind: 'review' } }],
    ['r1/section/tham-muu', { reportId: 'r1', part: { kind: 'section', sectionId: 'tham-muu' } }],
    ['Abc_09-x/section/S_1', { reportId: 'Abc_09-x', part: { kind: 'section', sectionId: 'S_1' } }],
  ];

  it.each(rooms)('parses %s into its report and part', (name, room) => {
    expect(parseRoomName(name)).toEqual(room);
  });

  it.each(rooms)('formats %s back exactly as it was parsed', (name, room) => {
    expect(formatRoomName(room)).toBe(name);
    expect(formatRoomName(parseRoomName(name)!)).toBe(name);
  });

  it('names a section room the way parseRoomName reads it', () => {
    const name = sectionRoom('rep-1', 'ket-qua');
    expect(name).toBe('rep-1/section/ket-qua');
    expect(parseRoomName(name)).toEqual({ reportId: 'rep-1', part: { kind: 'section', sectionId: 'ket-qua' } });
  });

  it('accepts ids of up to 64 characters', () => {
    const id = 'a'.repeat(64);
    expect(parseRoomName(`${id}/section/${id}`)).toEqual({ reportId: id, part: { kind: 'section', sectionId: id } });
  });

  it.each([
    ['a parent-directory path', '../x'],
    ['a parent directory as the report id', '../frame'],
    ['a parent directory as the section id', 'r1/section/..'],
    ['a dot as the report id', './frame'],
    ['the empty string', ''],
    ['a bare report id', 'r1'],
    ['an empty report id', '/frame'],
    ['an unknown part', 'r1/body'],
    ['a section without an id', 'r1/section'],
    ['a section with an empty id', 'r1/section/'],
    ['an empty section id and trailing segment', 'a/section/'],
    ['a trailing slash after frame', 'r1/frame/'],
    ['an extra segment after frame', 'r1/frame/x'],
    ['an extra segment after review', 'r1/review/x'],
    ['an extra segment after a section', 'r1/section/s1/x'],
    ['a leading slash', '/r1/frame'],
    ['a double slash', 'r1//frame'],
    ['a report id over 64 characters', `${'a'.repeat(65)}/frame`],
    ['a section id over 64 characters', `r1/section/${'s'.repeat(65)}`],
    ['Vietnamese letters in the report id', 'báo-cáo/frame'],
    ['Vietnamese letters in the section id', 'r1/section/kết-quả'],
    ['an emoji', '📄/frame'],
    ['a space', 'r 1/frame'],
    ['a percent-encoded slash', 'r1%2Fx/frame'],
    ['a backslash', 'r1\\..\\x/frame'],
    ['a NUL byte', 'r1\u0000/frame'],
    ['an upper-case part', 'r1/FRAME'],
  ])('rejects %s (%j)', (_what, name) => {
    expect(parseRoomName(name)).toBeNull();
  });

  it.each([
    ['', false],
    ['a', true],
    ['A-z_0', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['a.b', false],
    ['..', false],
    ['a/b', false],
    ['đ', false],
  ])('isValidId(%j) is %s', (id, valid) => {
    expect(isValidId(id)).toBe(valid);
  });
});
