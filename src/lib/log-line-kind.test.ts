import { describe, expect, it } from 'vitest';
import { isErrorLine, isRedactedLine } from './log-line-kind';

describe('isErrorLine', () => {
  it.each([
    'E, [2025-04-25T06:21:23.984222 #1] ERROR -- : \u001b[31mRuntimeError: boom\u001b[0m',
    'F, [2025-04-25T06:21:23.984222 #1] FATAL -- : gone',
    'RuntimeError: build failed',
    'Traceback (most recent call last):',
    'java.lang.IllegalStateException at Foo.java:12',
    'level=ERROR msg="disk full"',
  ])('marks %j as an error', (line) => {
    expect(isErrorLine(line)).toBe(true);
  });

  it.each([
    'I, [2025-04-25T06:21:23.984222 #1]  INFO -- : Line 1/10: processed record 07919',
    'W, [2025-04-25T06:21:23.984222 #1]  WARN -- : slow response',
    'no errors found',
    'errors: 0',
  ])('leaves %j unmarked', (line) => {
    expect(isErrorLine(line)).toBe(false);
  });
});

describe('isRedactedLine', () => {
  it('recognises the text OpsChain lists for a line the caller may not read', () => {
    expect(isRedactedLine('[redacted: you are not permitted to read the log lines of this action]')).toBe(
      true,
    );
    expect(isRedactedLine('I, [2025] INFO -- : [redacted: not really]')).toBe(false);
  });
});
