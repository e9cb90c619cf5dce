import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH, toPublishInput, type PublishFormValues } from '../../client/pages/snapshots/snapshot-values';

const valid: PublishFormValues = { year: 2025, title: ' Our impact ', note: '', includeGroupNames: false, suppressBelow: '10' };

describe('toPublishInput', () => {
  it('gives the input to publish, trimmed', () => {
    expect(toPublishInput(valid)).toEqual({
      input: { year: 2025, title: 'Our impact', note: null, suppressBelow: 10, includeGroupNames: false },
    });
  });

  it('names each refused field by a message key, said in the reader’s language by the form', () => {
    expect(toPublishInput({ ...valid, year: null, title: '  ', suppressBelow: '1e3' })).toEqual({
      errors: { year: 'yearMissing', title: 'titleMissing', suppressBelow: 'thresholdInvalid' },
    });
    expect(toPublishInput({ ...valid, title: 'x'.repeat(MAX_TITLE_LENGTH + 1), suppressBelow: '1001' })).toEqual({
      errors: { title: 'titleTooLong', suppressBelow: 'thresholdInvalid' },
    });
  });
});
