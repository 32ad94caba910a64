/** The one state the status bar shows for a report page, folded from its rooms (client/src/collab/saveState.ts). */
import { describe, expect, it } from 'vitest';
import { overallStatus, sameStatus, type RoomStatus } from '../../../client/src/collab/saveState.js';

function room(overrides: Partial<RoomStatus> = {}): RoomStatus {
  return { link: 'synced', unsent: 0, keptLocally: true, contentReady: true, ...overrides };
}

describe('overallStatus', () => {
  it('says saved when every room is synced and the server holds every change', () => {
    expect(overallStatus([room(), room(), room()], true)).toEqual({ state: 'saved', firstConnection: false, unsent: 0, keptLocally: true });
  });

  it('says saving while some change is not confirmed, and adds up the unsent changes of every room', () => {
    const status = overallStatus([room({ unsent: 2 }), room(), room({ unsent: 3 })], true);
    expect(status).toEqual({ state: 'saving', firstConnection: false, unsent: 5, keptLocally: true });
  });

  it('says connecting, not reconnecting, while no room has ever synced', () => {
    expect(overallStatus([room({ link: 'connecting' }), room({ link: 'connecting' })], true)).toMatchObject({
      state: 'reconnecting',
      firstConnection: true,
    });
    expect(overallStatus([], true)).toMatchObject({ state: 'reconnecting', firstConnection: true, unsent: 0 });
  });

  it('says reconnecting as soon as one room is not synced, with the unsent changes it keeps', () => {
    const status = overallStatus([room(), room({ link: 'reconnecting', unsent: 4 }), room({ link: 'connecting' })], true);
    expect(status).toEqual({ state: 'reconnecting', firstConnection: false, unsent: 4, keptLocally: true });
  });

  it('says offline when the browser is offline or a room was refused for good, whatever the others say', () => {
    expect(overallStatus([room(), room()], false).state).toBe('offline');
    expect(overallStatus([room({ link: 'connecting' })], false)).toMatchObject({ state: 'offline', firstConnection: false });
    expect(overallStatus([room(), room({ link: 'closed' }), room({ unsent: 1 })], true)).toMatchObject({ state: 'offline', unsent: 1 });
  });

  it('says the unsent changes are kept in the browser only when every room keeps its own', () => {
    expect(overallStatus([room({ unsent: 1, keptLocally: true }), room({ unsent: 2, keptLocally: true })], true).keptLocally).toBe(true);
    expect(overallStatus([room({ unsent: 1, keptLocally: true }), room({ unsent: 2, keptLocally: false })], true).keptLocally).toBe(false);
    expect(overallStatus([room({ link: 'reconnecting', unsent: 2, keptLocally: false })], true).keptLocally).toBe(false);
  });
});

describe('sameStatus', () => {
  it('tells apart states that would show differently, and only those', () => {
    const base = overallStatus([room({ unsent: 1 })], true);
    expect(sameStatus(base, { ...base })).toBe(true);
    expect(sameStatus(base, { ...base, state: 'saved' })).toBe(false);
    expect(sameStatus(base, { ...base, unsent: 2 })).toBe(false);
    expect(sameStatus(base, { ...base, keptLocally: false })).toBe(false);
    expect(sameStatus(base, { ...base, firstConnection: true })).toBe(false);
  });
});
