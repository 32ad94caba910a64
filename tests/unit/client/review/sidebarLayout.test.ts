import { describe, expect, it } from 'vitest';
import { CARD_GAP, placeCards } from '../../../../client/src/review/sidebarLayout.js';

describe('placing review cards level with their text', () => {
  it('puts each card at its text when there is room', () => {
    const tops = placeCards(
      [
        { key: 'a', wanted: 0, across: 0, height: 50 },
        { key: 'b', wanted: 200, across: 0, height: 50 },
      ],
      null,
    );
    expect([...tops]).toEqual([
      ['a', 0],
      ['b', 200],
    ]);
  });

  it('pushes overlapping cards down, in the order of their text along the line', () => {
    const tops = placeCards(
      [
        { key: 'later', wanted: 100, across: 400, height: 60 },
        { key: 'earlier', wanted: 100, across: 100, height: 60 },
      ],
      null,
    );
    expect(tops.get('earlier')).toBe(100);
    expect(tops.get('later')).toBe(100 + 60 + CARD_GAP);
  });

  it('keeps the selected card exactly at its text and moves the cards above it up', () => {
    const tops = placeCards(
      [
        { key: 'a', wanted: 100, across: 0, height: 80 },
        { key: 'b', wanted: 120, across: 0, height: 40 },
        { key: 'c', wanted: 130, across: 0, height: 40 },
      ],
      'b',
    );
    expect(tops.get('b')).toBe(120);
    expect(tops.get('a')).toBe(120 - 80 - CARD_GAP);
    expect(tops.get('c')).toBe(120 + 40 + CARD_GAP);
  });

  it('never places a card above the top of the sidebar', () => {
    const tops = placeCards(
      [
        { key: 'a', wanted: 0, across: 0, height: 100 },
        { key: 'b', wanted: 10, across: 0, height: 40 },
      ],
      'b',
    );
    expect(Math.min(...tops.values())).toBe(0);
    expect(tops.get('b')! - tops.get('a')!).toBe(100 + CARD_GAP);
  });
});
