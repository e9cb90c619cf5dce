import { describe, expect, it } from 'vitest';
import { parseYearList, toggleYear, writeYearList } from '../../client/years/year-list';

const campaigns = [2013, 2019, 2023, 2024, 2025];

describe('year lists in the address', () => {
  it('keeps campaign years, newest first, once each', () => {
    expect(parseYearList('2019,2023,2025', campaigns)).toEqual([2025, 2023, 2019]);
    expect(parseYearList('2023,2023, 2019', campaigns)).toEqual([2023, 2019]);
  });

  it('drops what is not a campaign year, and is null when nothing is left', () => {
    expect(parseYearList('2019,1999,abc,20234,,2025x', campaigns)).toEqual([2019]);
    expect(parseYearList('nope', campaigns)).toBeNull();
    expect(parseYearList('', campaigns)).toBeNull();
    expect(parseYearList(null, campaigns)).toBeNull();
  });

  it('writes and toggles', () => {
    expect(writeYearList([2019, 2025, 2019])).toBe('2025,2019');
    expect(toggleYear([2025, 2019], 2023, true)).toEqual([2025, 2023, 2019]);
    expect(toggleYear([2025, 2019], 2019, false)).toEqual([2025]);
  });
});
