import { describe, expect, it } from 'vitest';
import { ResponseFormatError } from './errors';
import { failureMessage } from './failures';

describe('failureMessage', () => {
  it('says what did not match when a single resource has an unexpected format', () => {
    const error = new ResponseFormatError('GET /api/projects/bank', [
      'data.attributes.code: expected string',
    ]);

    expect(failureMessage(error)).toBe(
      'The answer to GET /api/projects/bank did not have the expected format. What did not match: ' +
        'data.attributes.code: expected string. The console and the server may be different versions.',
    );
  });
});
