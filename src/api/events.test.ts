import { beforeAll, describe, expect, it } from 'vitest';
import { ransackEntries } from '@/lib/ransack';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { eventQuery, listEvents, olderPageParam, type EventPage } from './events';

// The emulator's clock, moved by the tests alone: timestamps and filter bounds never depend on the wall clock.
const START_MS = Date.UTC(2025, 4, 1, 10, 0, 0);
let clockMs = START_MS;
const emulator = setUpEmulator({ clock: { now: () => clockMs } });

// Demo users other than the superuser may read events but not add them (update on /events).
async function postEvent(attributes: Record<string, unknown>): Promise<void> {
  const response = await emulator().app.inject({
    method: 'POST',
    url: '/api/events',
    headers: {
      authorization: `Basic ${btoa('opschain:opschain')}`,
      'content-type': 'application/vnd.api+json',
    },
    payload: JSON.stringify({ data: { attributes } }),
  });
  if (response.statusCode !== 201) throw new Error(`event was not stored: ${response.body}`);
}

beforeAll(async () => {
  for (let index = 1; index <= 5; index += 1) {
    // Distinct timestamps: paging back is by `created_at`.
    clockMs += 1;
    await postEvent({ type: `paging check ${String(index)}`, step: index });
  }
});

describe('eventQuery', () => {
  it('sends the filters: from inclusive (created_at_gteq), before exclusive (created_at_lt)', () => {
    const filters = {
      type: ' api:changes ',
      username: 'operator',
      system: true,
      from: '2025-01-01T00:00:00.000Z',
      before: '2025-01-02T00:00:00.000Z',
    };

    expect(ransackEntries(eventQuery(filters))).toEqual([
      ['filter[created_at_gteq]', '2025-01-01T00:00:00.000Z'],
      ['filter[created_at_lt]', '2025-01-02T00:00:00.000Z'],
      ['filter[system_eq]', 'true'],
      ['filter[type_cont]', 'api:changes'],
      ['filter[username_cont]', 'operator'],
    ]);
  });

  it('moves created_at_lt back to the oldest event shown when paging', () => {
    expect(
      ransackEntries(
        eventQuery(
          { from: '2025-05-01T00:00:00.000Z', before: '2025-06-01T00:00:00.000Z' },
          '2025-05-01T10:00:00.123456Z',
        ),
      ),
    ).toEqual([
      ['filter[created_at_gteq]', '2025-05-01T00:00:00.000Z'],
      ['filter[created_at_lt]', '2025-05-01T10:00:00.123456Z'],
    ]);
  });
});

describe('listEvents', () => {
  it('includes an event stamped exactly on `from` and leaves out one stamped exactly on `before`', async () => {
    signInAs('opschain');
    // A whole second ahead of every stamp so far (the emulator never stamps back in time).
    const second = START_MS + 5000;
    const stamps = {
      'boundary: last millisecond before': second - 1,
      'boundary: on the first second': second,
      'boundary: within it': second + 500,
      'boundary: on the next second': second + 1000,
    };
    for (const [type, ms] of Object.entries(stamps)) {
      clockMs = ms;
      await postEvent({ type });
    }

    const page = await listEvents(
      {
        type: 'boundary:',
        from: new Date(second).toISOString(),
        before: new Date(second + 1000).toISOString(),
      },
      undefined,
    );

    expect(page.events.map((event) => [event.type, event.created_at])).toEqual([
      ['boundary: on the first second', `${new Date(second).toISOString().slice(0, 19)}.000000Z`],
      ['boundary: within it', `${new Date(second).toISOString().slice(0, 19)}.500000Z`],
    ]);
  });

  it('pages back through every matching event with filter[created_at_lt], each once, until none are left', async () => {
    signInAs('opschain');
    const pages: EventPage[] = [];
    let before: string | undefined;
    do {
      const page = await listEvents({ type: 'paging check' }, before, undefined, 2);
      pages.push(page);
      before = olderPageParam(page);
    } while (before !== undefined && pages.length < 10);

    expect(pages.map((page) => page.events.length)).toEqual([2, 2, 1]);
    expect(pages.map((page) => page.hasOlder)).toEqual([true, true, false]);
    // Each page is oldest first; pages go back in time.
    expect(pages.flatMap((page) => page.events.map((event) => event.type))).toEqual([
      'paging check 4',
      'paging check 5',
      'paging check 2',
      'paging check 3',
      'paging check 1',
    ]);
    expect(pages[0]?.events[0]).toMatchObject({ username: 'opschain', system: false, step: 4 });
  });

  it('answers one page when everything fits', async () => {
    signInAs('opschain');

    const page = await listEvents({ type: 'paging check' }, undefined);

    expect(page.events).toHaveLength(5);
    expect(page.hasOlder).toBe(false);
    expect(olderPageParam(page)).toBeUndefined();
  });
});
