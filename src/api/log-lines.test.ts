import { logLineResourceSchema } from '@contract/change';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectHandCheckAgreesWithSchema } from '@/test/hand-check-property';
import { parseLogLines, plainLogLine } from './log-lines';

const row = (id: string, message: string, logged_at = '2025-04-25T06:21:23.984222Z') => ({
  id,
  type: 'log_line',
  attributes: { change_id: 'c1', step_id: 's1', message, logged_at },
});

describe('parseLogLines', () => {
  it('reads the rows OpsChain sends, in order, and marks the others unreadable without failing', () => {
    const page = parseLogLines(
      {
        data: [
          row('1', 'first'),
          { ...row('2', 'with meta'), meta: { note: 'x' } },
          row('3', 'bad time', 'yesterday'),
          { id: '4', type: 'log_line', attributes: { message: 5 } },
          row('5', '<img src=x onerror=alert(1)> \u001b[31mred\u001b[0m', '2025-04-25T08:21:23+02:00'),
        ],
        meta: { partial_response: true },
      },
      'GET /changes/c1/log_lines',
      'test-list',
    );
    expect(page.lines.map((l) => l.id)).toEqual(['1', '2', '5']);
    expect(page.lines[2]).toEqual({
      id: '5',
      change_id: 'c1',
      step_id: 's1',
      message: '<img src=x onerror=alert(1)> \u001b[31mred\u001b[0m',
      logged_at: '2025-04-25T08:21:23+02:00',
    });
    expect(page.unreadableCount).toBe(2);
    expect(page.isPartial).toBe(true);
  });

  it('refuses a document that is not a list', () => {
    expect(() => parseLogLines({ data: 'nope' }, 'GET x', 'x')).toThrow();
    expect(() => parseLogLines({ data: [], meta: { partial_response: 'yes' } }, 'GET x', 'x')).toThrow();
  });
});

describe('plainLogLine', () => {
  it('never accepts a row the contract schema refuses, and reads it as the schema does', () => {
    const stamp = fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom(
        '2025-13-01T00:00:00Z',
        '2025-04-25T24:00:00Z',
        '2025-04-25T06:21:23',
        '2025-04-25 06:21:23Z',
        '2025-04-31T10:00:00Z',
        '2025-02-29T10:00:00Z',
        '2024-02-30T10:00:00Z',
      ),
      fc.string(),
    );
    const member = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer()),
        type: fc.constantFrom('log_line', 'change'),
        attributes: fc.record(
          {
            change_id: fc.oneof(fc.string(), fc.constant(null)),
            step_id: fc.string(),
            message: fc.oneof(fc.string(), fc.integer()),
            logged_at: stamp,
          },
          { requiredKeys: ['step_id'] },
        ),
        meta: fc.constant({}),
      },
      { requiredKeys: ['type'] },
    );
    expectHandCheckAgreesWithSchema({
      arbitrary: member,
      check: plainLogLine,
      schema: logLineResourceSchema,
      read: (line) => ({ id: line.id, ...line.attributes }),
      numRuns: 2000,
    });
  });
});
