import { describe, expect, it } from 'vitest';
import { toRoman } from '../../../common/roman.js';

describe('toRoman', () => {
  it.each([
    [1, 'I'],
    [2, 'II'],
    [3, 'III'],
    [4, 'IV'],
    [5, 'V'],
    [6, 'VI'],
    [7, 'VII'],
    [8, 'VIII'],
    [9, 'IX'],
    [10, 'X'],
    [11, 'XI'],
    [12, 'XII'],
  ])('numbers section %i as %s', (value, numeral) => {
    expect(toRoman(value)).toBe(numeral);
  });

  it.each([
    [14, 'XIV'],
    [40, 'XL'],
    [49, 'XLIX'],
    [90, 'XC'],
    [400, 'CD'],
    [1994, 'MCMXCIV'],
    [3999, 'MMMCMXCIX'],
  ])('uses subtractive pairs for larger numbers: %i is %s', (value, numeral) => {
    expect(toRoman(value)).toBe(numeral);
  });

  it.each([0, -1, 1.5, 4000, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %s, which has no Roman numeral, with a RangeError naming it',
    (value) => {
      expect(() => toRoman(value)).toThrow(RangeError);
      expect(() => toRoman(value)).toThrow(String(value));
    },
  );
});
