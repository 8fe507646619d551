import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, LINE_ERROR, LINE_REDACTED, LogStore } from './log-store';

function filled(count: number): LogStore {
  const store = new LogStore();
  for (let i = 0; i < count; i++)
    store.push(`line ${String(i)}`, 1000 + i, i % 2 === 0 ? 'step-a' : 'step-b');
  return store;
}

describe('LogStore', () => {
  it('reads back every line across chunk boundaries', () => {
    const count = CHUNK_SIZE * 2 + 5;
    const store = filled(count);
    expect(store.length).toBe(count);
    for (const i of [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, count - 1]) {
      expect(store.message(i)).toBe(`line ${String(i)}`);
      expect(store.time(i)).toBe(1000 + i);
      expect(store.stepId(i)).toBe(i % 2 === 0 ? 'step-a' : 'step-b');
    }
  });

  it('keeps empty lines and lines with their own newline apart', () => {
    const store = new LogStore();
    const lines = ['', 'two\nparts', '', 'last'];
    for (let i = 0; i < CHUNK_SIZE; i++) store.push(lines[i % 4] ?? '', Number.NaN, null);
    expect(store.message(0)).toBe('');
    expect(store.message(1)).toBe('two\nparts');
    expect(store.message(CHUNK_SIZE - 1)).toBe('last');
    expect(store.time(0)).toBeNaN();
    expect(store.stepId(0)).toBeNull();
  });

  it('strips escape sequences from the searchable text and keeps the raw line for rendering', () => {
    const store = new LogStore();
    store.push('\u001b[31mred\u001b[0m text', 1, null);
    expect(store.message(0)).toBe('red text');
    expect(store.rawMessage(0)).toBe('\u001b[31mred\u001b[0m text');
    for (let i = 0; i < CHUNK_SIZE; i++) store.push('plain', 1, null);
    expect(store.rawMessage(0)).toBe('\u001b[31mred\u001b[0m text');
    expect(store.rawMessage(1)).toBe('plain');
  });

  it('flags error and redacted lines and remembers the first error', () => {
    const store = new LogStore();
    store.push('I, [2025] INFO -- : fine', 1, null);
    store.push('[redacted: you are not permitted to read the log lines of this action]', 2, null);
    store.push('E, [2025] ERROR -- : \u001b[31mRuntimeError: boom\u001b[0m', 3, null);
    store.push('E, [2025] ERROR -- : again', 4, null);
    expect(store.flags(0)).toBe(0);
    expect(store.flags(1)).toBe(LINE_REDACTED);
    expect(store.flags(2) & LINE_ERROR).toBe(LINE_ERROR);
    expect(store.firstError).toBe(2);
  });

  it('lists the lines of one step', () => {
    const store = filled(7);
    expect([...store.linesOfStep('step-b')]).toEqual([1, 3, 5]);
    expect(store.linesOfStep('nope')).toHaveLength(0);
    expect(store.stepIds).toEqual(['step-a', 'step-b']);
  });
  it('appends part of another store as it is stored there, across chunk boundaries', () => {
    const part = new LogStore();
    part.push('\u001b[31mE, [2025] ERROR -- : boom\u001b[0m', 5, 'step-c');
    for (let i = 1; i < CHUNK_SIZE + 3; i++) part.push(`part ${String(i)}`, 5 + i, 'step-a');
    const store = filled(CHUNK_SIZE - 1);
    store.appendFrom(part, 0, 2);
    store.appendFrom(part, 2, part.length);
    expect(store.length).toBe(CHUNK_SIZE - 1 + part.length);
    expect(store.message(CHUNK_SIZE - 1)).toBe('E, [2025] ERROR -- : boom');
    expect(store.rawMessage(CHUNK_SIZE - 1)).toBe('\u001b[31mE, [2025] ERROR -- : boom\u001b[0m');
    expect(store.firstError).toBe(CHUNK_SIZE - 1);
    expect(store.stepId(CHUNK_SIZE - 1)).toBe('step-c');
    expect(store.message(store.length - 1)).toBe(`part ${String(CHUNK_SIZE + 2)}`);
    expect(store.time(store.length - 1)).toBe(5 + CHUNK_SIZE + 2);
    expect(store.stepIds).toEqual(['step-a', 'step-b', 'step-c']);
  });
});
