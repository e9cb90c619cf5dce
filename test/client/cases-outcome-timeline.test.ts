import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../client/pages/cases/outcome-timeline';

const campaign = { writingStarts: '2013-12-02', writingEnds: '2013-12-31', reportingDeadline: '2014-01-31' };

describe('buildTimeline', () => {
  it('orders outcomes among the campaign dates and calls earlier ones context', () => {
    const timeline = buildTimeline(
      [
        { id: '1', date: '2013-11-22', kind: 'RELEASED', note: 'Released on bail', positive: true },
        { id: '2', date: '2013-12-19', kind: 'RELEASED', note: 'Amnesty law', positive: true },
        { id: '3', date: '2015-01-01', kind: 'SETBACK', note: 'Re-arrested', positive: false },
      ],
      campaign,
    );
    expect(timeline.map((e) => (e.type === 'marker' ? e.marker : `${e.outcome.id}:${e.role}`))).toEqual([
      '1:context',
      'writingStarts',
      '2:result',
      'writingEnds',
      'reportingDeadline',
      '3:result',
    ]);
  });
  it('counts an outcome on the first day of writing as a result, listed after the start', () => {
    const timeline = buildTimeline([{ id: '9', date: '2013-12-02', kind: 'ACQUITTED', note: '', positive: true }], campaign);
    expect(timeline.slice(0, 2).map((e) => e.key)).toEqual(['writingStarts', 'outcome-9']);
    expect(timeline[1]).toMatchObject({ role: 'result' });
  });
});
