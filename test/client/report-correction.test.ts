import { describe, expect, it } from 'vitest';
import { serverFieldErrors, suggestReportId, toCorrectionForm, toCorrectionInput, type CorrectableReport } from '../../client/pages/reports/correction';
import { parseReportSearch } from '../../client/pages/reports/report-search';

const report: CorrectableReport = {
  reportId: 'W4R-2024-17',
  year: 2024,
  count: 120,
  actionType: 'LETTER',
  writtenOn: null,
  reportedAt: '2024-12-10T12:00:00.000Z',
  country: 'DE',
  region: 'Europe and Central Asia',
  subdivision: 'DE-BY',
  case: { slug: 'ana-ruiz' },
  group: { ref: 'DE-1', name: 'Amnesty München', type: 'LOCAL_GROUP' },
};

describe('suggestReportId', () => {
  it('suggests -c1, and the next number for a report that is itself a correction', () => {
    expect(suggestReportId('W4R-2024-17')).toBe('W4R-2024-17-c1');
    expect(suggestReportId('W4R-2024-17-c1')).toBe('W4R-2024-17-c2');
    expect(suggestReportId('K-c9')).toBe('K-c10');
  });
});

describe('toCorrectionForm and toCorrectionInput', () => {
  it('prefills every field and gives back the same report under the new id', () => {
    const form = toCorrectionForm(report);
    expect(form).toMatchObject({ reportId: 'W4R-2024-17-c1', count: '120', writtenOn: '', groupType: 'LOCAL_GROUP', reason: '' });
    const result = toCorrectionInput({ ...form, count: ' 95 ', reason: 'typo in the count' }, report.reportId);
    expect(result).toEqual({
      reason: 'typo in the count',
      input: {
        reportId: 'W4R-2024-17-c1', year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 95, writtenOn: null,
        reportedAt: '2024-12-10T12:00:00.000Z', country: 'DE', region: 'Europe and Central Asia', subdivision: 'DE-BY',
        groupRef: 'DE-1', groupName: 'Amnesty München', groupType: 'LOCAL_GROUP',
      },
    });
  });

  it('sends an individual without group fields, and upper-cases the area codes', () => {
    const form = { ...toCorrectionForm({ ...report, group: null, subdivision: null }), country: 'fr', reason: 'r' };
    const result = toCorrectionInput(form, report.reportId);
    expect('input' in result && result.input).toMatchObject({ country: 'FR', subdivision: null, groupRef: null, groupName: null, groupType: null });
  });

  it('asks for a reason, a new id and a count from 1 to 1,000,000 before sending', () => {
    const form = toCorrectionForm(report);
    expect(toCorrectionInput(form, report.reportId)).toEqual({ problems: { reason: 'required' } });
    expect(toCorrectionInput({ ...form, reason: 'x', reportId: report.reportId }, report.reportId)).toEqual({ problems: { reportId: 'sameId' } });
    expect(toCorrectionInput({ ...form, reason: 'x', count: '2.5' }, report.reportId)).toEqual({ problems: { count: 'wholeNumber' } });
    expect(toCorrectionInput({ ...form, reason: 'x', count: '0' }, report.reportId)).toEqual({ problems: { count: 'countRange' } });
    expect(toCorrectionInput({ ...form, reason: 'x', count: '' }, report.reportId)).toEqual({ problems: { count: 'required' } });
  });
});

describe('serverFieldErrors', () => {
  it('places the fields of a BAD_USER_INPUT error next to the form fields', () => {
    const errors = [{ message: 'The report was not stored: caseSlug is not a case of 2024', extensions: { code: 'BAD_USER_INPUT', fields: { caseSlug: 'is not a case of 2024' } } }];
    expect(serverFieldErrors(errors)).toEqual({ fields: { caseSlug: 'is not a case of 2024' }, other: [] });
  });

  it('reads the field of a rejected variable', () => {
    const errors = [{ message: 'Variable "$input" got invalid value "yesterday" at "input.reportedAt"; Expected type "DateTime". Not a date', extensions: { code: 'BAD_USER_INPUT' } }];
    expect(serverFieldErrors(errors)).toEqual({ fields: { reportedAt: 'Expected type "DateTime". Not a date' }, other: [] });
  });

  it('keeps the message of errors about no form field', () => {
    const errors = [
      { message: 'Report K-1 is already retracted', extensions: { code: 'BAD_USER_INPUT', fields: { id: 'is RETRACTED' } } },
      { message: 'Your role does not allow this', extensions: { code: 'FORBIDDEN' } },
    ];
    expect(serverFieldErrors(errors)).toEqual({ fields: {}, other: ['Report K-1 is already retracted', 'Your role does not allow this'] });
  });
});

describe('parseReportSearch', () => {
  it('is the trimmed text, or no search when blank or longer than a report id can be', () => {
    expect(parseReportSearch(' W4R-2024 ')).toBe('W4R-2024');
    expect(parseReportSearch(null)).toBeNull();
    expect(parseReportSearch('   ')).toBeNull();
    expect(parseReportSearch('x'.repeat(101))).toBeNull();
  });
});
