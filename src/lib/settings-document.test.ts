import { describe, expect, it } from 'vitest';
import {
  formatNameList,
  getIn,
  parseNameList,
  renameKey,
  renameNotificationTarget,
  setIn,
} from './settings-document';

describe('setIn', () => {
  it('sets a nested value, keeping other keys, their order and the input untouched', () => {
    const input = { custom: { a: 1 }, notifications: { targets: { slack: ['u'] } }, z: true };
    const next = setIn(input, ['notifications', 'events', 'change', 'start', 'notify'], true);
    expect(next).toEqual({
      custom: { a: 1 },
      notifications: { targets: { slack: ['u'] }, events: { change: { start: { notify: true } } } },
      z: true,
    });
    expect(Object.keys(next)).toEqual(['custom', 'notifications', 'z']);
    expect(input.notifications).toEqual({ targets: { slack: ['u'] } });
    expect(next.custom).toBe(input.custom);
  });

  it('removes a key with undefined, and with prune the objects it leaves empty', () => {
    const input = { notifications: { events: { change: { start: { notify: true } } } } };
    expect(setIn(input, ['notifications', 'events', 'change', 'start'], undefined)).toEqual({
      notifications: { events: { change: {} } },
    });
    expect(setIn(input, ['notifications', 'events', 'change', 'start'], undefined, { prune: true })).toEqual(
      {},
    );
    expect(setIn({ a: 1 }, ['b'], undefined)).toEqual({ a: 1 });
  });

  it('replaces a non-object on the way with an object', () => {
    expect(setIn({ notifications: null }, ['notifications', 'targets'], {})).toEqual({
      notifications: { targets: {} },
    });
  });
});

describe('getIn', () => {
  it('reads nested values and stops at missing or non-object steps', () => {
    expect(getIn({ a: { b: 2 } }, ['a', 'b'])).toBe(2);
    expect(getIn({ a: [1] }, ['a', '0'])).toBeUndefined();
    expect(getIn({ a: { b: 2 } }, ['a', 'toString'])).toBeUndefined();
  });
});

describe('name lists', () => {
  it('reads and writes comma-separated names', () => {
    expect(parseNameList(' alice,approvers , ,bob')).toEqual(['alice', 'approvers', 'bob']);
    expect(parseNameList(null)).toEqual([]);
    expect(formatNameList(['alice', 'approvers'])).toBe('alice, approvers');
  });
});

describe('renameKey', () => {
  it('renames in place and refuses empty or taken names', () => {
    const next = renameKey({ a: 1, b: 2, c: 3 }, 'b', 'x');
    expect(next === null ? null : Object.entries(next)).toEqual([
      ['a', 1],
      ['x', 2],
      ['c', 3],
    ]);
    expect(renameKey({ a: 1, b: 2 }, 'a', 'b')).toBeNull();
    expect(renameKey({ a: 1 }, 'a', ' ')).toBeNull();
  });
});

describe('renameNotificationTarget', () => {
  it('renames the target and the events that notify it', () => {
    const block = {
      targets: { slack: ['https://a'], mail: ['mailto:x'] },
      events: { change: { failure: { notify: true, notify_to: ['slack', 'mail'] } }, workflow_run: 'odd' },
    };
    expect(renameNotificationTarget(block, 'slack', 'chat')).toEqual({
      targets: { chat: ['https://a'], mail: ['mailto:x'] },
      events: { change: { failure: { notify: true, notify_to: ['chat', 'mail'] } }, workflow_run: 'odd' },
    });
    expect(renameNotificationTarget(block, 'slack', 'mail')).toBeNull();
  });
});
