import { describe, expect, it } from 'vitest';
import { headingLabels, itemLabel, nextHeading, POINT_LETTERS, pointLabel, pointLetter, START_COUNT } from '../../../common/numbering.js';

describe('numbering of items and points', () => {
  it('letters points in the Vietnamese alphabet: đ after d, no f, j, w or z', () => {
    expect(POINT_LETTERS.join(' ')).toBe('a b c d đ e g h i k l m n o p q r s t u v x y');
    expect(POINT_LETTERS.some((letter) => 'fjwz'.includes(letter))).toBe(false);
    expect(Array.from({ length: 7 }, (_, index) => pointLabel(index + 1))).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)', 'e)', 'g)']);
  });

  it('continues past y with two letters, as the editor’s alphabetic counter does', () => {
    expect(pointLetter(23)).toBe('y');
    expect(pointLetter(24)).toBe('aa');
    expect(pointLetter(25)).toBe('ab');
    expect(pointLetter(23 + 23 * 23)).toBe('yy');
    expect(pointLetter(23 + 23 * 23 + 1)).toBe('aaa');
  });

  it('numbers items with Arabic numerals and a full stop', () => {
    expect(itemLabel(1)).toBe('1.');
    expect(itemLabel(12)).toBe('12.');
  });

  it('treats anything but a whole number from 1 as the first', () => {
    expect(pointLetter(0)).toBe('a');
    expect(pointLetter(-3)).toBe('a');
    expect(pointLetter(1.5)).toBe('a');
    expect(itemLabel(Number.NaN)).toBe('1.');
  });

  it('restarts the points in every item', () => {
    expect(headingLabels([2, 3, 3, 2, 3, 3, 3])).toEqual(['1.', 'a)', 'b)', '2.', 'a)', 'b)', 'c)']);
  });

  it('letters a point that comes before any item from a)', () => {
    expect(headingLabels([3, 3, 2, 3])).toEqual(['a)', 'b)', '1.', 'a)']);
  });

  it('steps the count without changing the one it was given', () => {
    const first = nextHeading(START_COUNT, 2);
    expect(first).toEqual({ label: '1.', count: { item: 1, point: 0 } });
    expect(START_COUNT).toEqual({ item: 0, point: 0 });
    expect(nextHeading(first.count, 3)).toEqual({ label: 'a)', count: { item: 1, point: 1 } });
  });
});
