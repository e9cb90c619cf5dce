import { describe, expect, it } from 'vitest';
import { parseGroupId, parseList, parseSearch } from '../../client/pages/groups/group-params';
import {
  currentAfter,
  nextPage,
  pageIndex,
  previousPage,
  shownRange,
  startTrail,
  trailFor,
} from '../../client/pages/groups/page-cursors';
import { toRankingRows } from '../../client/pages/groups/ranking-rows';

describe('the page parameters', () => {
  it('takes a search trimmed, and a blank or over-long one as none', () => {
    expect(parseSearch('  Madrid ')).toBe('Madrid');
    expect(parseSearch('ñandú 100%')).toBe('ñandú 100%');
    expect(parseSearch('   ')).toBeNull();
    expect(parseSearch(null)).toBeNull();
    expect(parseSearch('x'.repeat(100))).toHaveLength(100);
    expect(parseSearch('x'.repeat(101))).toBeNull();
  });

  it('takes a group id of digits only', () => {
    expect(parseGroupId('42')).toBe('42');
    for (const bad of ['0', '007', '-1', '1e3', '12 ', 'abc', '1234567890', '', null]) expect(parseGroupId(bad)).toBeNull();
  });

  it('knows two lists, the ranking by default', () => {
    expect(parseList('not-reported')).toBe('not-reported');
    expect(parseList(null)).toBe('ranking');
    expect(parseList('NOT-REPORTED')).toBe('ranking');
  });
});

describe('the cursor trail', () => {
  it('goes forward by end cursors and back to the previous page', () => {
    let trail = startTrail('a');
    expect([pageIndex(trail), currentAfter(trail)]).toEqual([0, null]);
    trail = nextPage(nextPage(trail, 'c1'), 'c2');
    expect([pageIndex(trail), currentAfter(trail)]).toEqual([2, 'c2']);
    trail = previousPage(trail);
    expect([pageIndex(trail), currentAfter(trail)]).toEqual([1, 'c1']);
    expect(previousPage(previousPage(trail))).toEqual(startTrail('a'));
  });

  it('starts again at the first page for another list, and keeps its place for the same one', () => {
    const trail = nextPage(startTrail('a'), 'c1');
    expect(trailFor(trail, 'a')).toBe(trail);
    expect(trailFor(trail, 'b')).toEqual(startTrail('b'));
  });

  it('numbers the rows shown', () => {
    const third = nextPage(nextPage(startTrail('a'), 'c1'), 'c2');
    expect(shownRange(third, 25, 25)).toEqual({ from: 51, to: 75 });
    expect(shownRange(third, 25, 3)).toEqual({ from: 51, to: 53 });
    expect(shownRange(startTrail('a'), 25, 0)).toEqual({ from: 0, to: 0 });
    // a page emptied since (groups' reports retracted): nothing shown
    expect(shownRange(third, 25, 0)).toEqual({ from: 0, to: 0 });
  });
});

describe('toRankingRows', () => {
  const edge = (id: string, actions: number, rank: number) => ({
    node: { rank, actions, reports: 2, group: { id, ref: `R${id}`, name: `G${id}`, type: 'SCHOOL' as const, country: 'FR', subdivision: null } },
  });

  it("gives each group its share of every action under the filters", () => {
    expect(toRankingRows([edge('1', 300, 1), edge('2', 100, 2)], 1000)).toEqual([
      { id: '1', rank: 1, name: 'G1', ref: 'R1', type: 'SCHOOL', country: 'FR', subdivision: null, actions: 300, reports: 2, share: 0.3 },
      { id: '2', rank: 2, name: 'G2', ref: 'R2', type: 'SCHOOL', country: 'FR', subdivision: null, actions: 100, reports: 2, share: 0.1 },
    ]);
  });

  it('has a share of zero when there are no actions at all', () => {
    expect(toRankingRows([edge('1', 0, 1)], 0)[0].share).toBe(0);
  });
});
