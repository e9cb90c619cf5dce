import { describe, expect, it } from 'vitest';
import { classBreaks, classOf } from '../../client/pages/geography/class-breaks';

const SHADES = ['s0', 's1', 's2', 's3', 's4'];

describe('classBreaks', () => {
  it('makes five quantile classes that cover every value without gaps', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const classes = classBreaks(values, SHADES);
    expect(classes).toEqual([
      { min: 1, max: 2, colour: 's0' },
      { min: 3, max: 4, colour: 's1' },
      { min: 5, max: 6, colour: 's2' },
      { min: 7, max: 8, colour: 's3' },
      { min: 9, max: 10, colour: 's4' },
    ]);
  });

  it('follows a skewed distribution instead of equal widths', () => {
    const classes = classBreaks([5, 10, 20, 40, 80, 160, 320, 640, 1280, 100_000], SHADES);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [5, 19],
      [20, 79],
      [80, 319],
      [320, 1279],
      [1280, 100_000],
    ]);
  });

  it('never splits equal values, making fewer classes, still from light to dark', () => {
    const classes = classBreaks([7, 7, 7, 7, 50], SHADES);
    expect(classes).toEqual([
      { min: 7, max: 49, colour: 's0' },
      { min: 50, max: 50, colour: 's4' },
    ]);
  });

  it('gives a single country the middle shade, and nothing to no values', () => {
    expect(classBreaks([42], SHADES)).toEqual([{ min: 42, max: 42, colour: 's2' }]);
    expect(classBreaks([], SHADES)).toEqual([]);
    expect(classBreaks([0, 0], SHADES)).toEqual([]);
  });
});

describe('classOf', () => {
  const classes = classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], SHADES);
  it('puts each value in the class whose range holds it', () => {
    expect(classOf(1, classes)?.colour).toBe('s0');
    expect(classOf(4, classes)?.colour).toBe('s1');
    expect(classOf(5, classes)?.colour).toBe('s2');
    expect(classOf(10, classes)?.colour).toBe('s4');
    // A figure that grew since the breaks were made still lands in the top class.
    expect(classOf(1_000, classes)?.colour).toBe('s4');
  });
  it('has no class for no actions', () => {
    expect(classOf(0, classes)).toBeNull();
  });
});
