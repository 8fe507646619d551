import { describe, expect, it } from 'vitest';
import { jsonFieldText, parseJsonObjectField } from './change-json';

describe('parseJsonObjectField', () => {
  it('sends nothing for a blank field', () => {
    expect(parseJsonObjectField('  \n', 'Metadata')).toEqual({ value: undefined, error: null });
  });

  it('reads a JSON object', () => {
    expect(parseJsonObjectField('{"change_request": "CR1"}', 'Metadata')).toEqual({
      value: { change_request: 'CR1' },
      error: null,
    });
  });

  it('refuses text that is not JSON, naming the field', () => {
    const result = parseJsonObjectField('{change_request: CR1}', 'Metadata');
    expect(result.error).toMatch(/^Metadata is not valid JSON/);
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[1]', '"x"', '42', 'null']) {
      expect(parseJsonObjectField(text, 'Property overrides').error).toBe(
        'Property overrides must be a JSON object, like {"key": "value"}',
      );
    }
  });
});

describe('jsonFieldText', () => {
  it('shows nothing for an empty object and indented JSON otherwise', () => {
    expect(jsonFieldText({})).toBe('');
    expect(jsonFieldText(undefined)).toBe('');
    expect(jsonFieldText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
