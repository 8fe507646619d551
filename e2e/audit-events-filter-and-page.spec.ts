import type { APIRequestContext } from '@playwright/test';
import { z } from 'zod';
import type { DemoUser } from '../contract/demo-users.ts';
import { expect as baseExpect, JSON_API, test } from './fixtures.ts';
import { seedEnterpriseProject, seedEnvironment, seedGitRemote, uniqueCode } from './node-seed.ts';
import { EventsPage, type ExpectedEventRow } from './pages/events-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Pages wait on the emulator, which shares two cores with the browser and other test runs.
const expect = baseExpect.configure({ timeout: 15_000 });

// A zone with a half-hour offset and no daylight saving: a time filter that mixes up local time and UTC
// shows the wrong rows here, whatever zone the machine running the tests is in.
const TIME_ZONE = 'Asia/Kolkata';
const ZONE_OFFSET_MS = (5 * 60 + 30) * 60_000;
/** The console asks for 50 events a page (`EVENTS_PER_PAGE`). */
const PAGE_SIZE = 50;

test.use({ timezoneId: TIME_ZONE });

interface CreatedEvent extends ExpectedEventRow {
  createdAt: string;
}

const createdEventSchema = z.object({
  data: z.object({ attributes: z.object({ created_at: z.string() }) }),
});

const createdPolicySchema = z.object({ data: z.object({ id: z.string() }) });

/**
 * The demo users other than opschain may read the audit trail but not add to it (that needs update on
 * `/events`). While `seed` runs a policy lets every user add events; it is removed afterwards even when
 * seeding fails, since it applies to every journey using the emulator.
 */
async function whileEveryoneMayAddEvents<T>(
  admin: APIRequestContext,
  tag: string,
  seed: () => Promise<T>,
): Promise<T> {
  const created = await admin.post('/api/authorisation_policies', {
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({
      data: {
        attributes: {
          name: `${tag} event writers`,
          description: null,
          authorisation_rules: [{ path: '^/events', readable: true, updatable: true, executable: false }],
        },
      },
    }),
  });
  expect(created.status(), `POST /api/authorisation_policies: ${await created.text()}`).toBe(201);
  const policyId = createdPolicySchema.parse(await created.json()).data.id;
  const assigned = await admin.post(`/api/authorisation_policies/${policyId}/assignments`, {
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({ data: { attributes: { assignments: [{ username: null, groupname: null }] } } }),
  });
  expect(assigned.status(), `POST …/assignments: ${await assigned.text()}`).toBe(200);
  try {
    return await seed();
  } finally {
    const removed = await admin.delete(`/api/authorisation_policies/${policyId}`);
    expect(removed.status(), `DELETE /api/authorisation_policies/${policyId}`).toBe(204);
  }
}

/** Posts a custom event as `username`; returns it with the time the emulator stamped on it. */
async function postEvent(
  api: APIRequestContext,
  username: DemoUser,
  type: string,
  data: Record<string, unknown> = {},
): Promise<CreatedEvent> {
  const response = await api.post('/api/events', {
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({ data: { attributes: { type, ...data } } }),
  });
  expect(response.status(), `POST /api/events: ${await response.text()}`).toBe(201);
  const body = createdEventSchema.parse(await response.json());
  return { type, username, createdAt: body.data.attributes.created_at };
}

/** Newest first, as the page lists them; OpsChain timestamps have a fixed width, so text order is time order. */
function newestFirst(events: readonly CreatedEvent[]): CreatedEvent[] {
  return [...events].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * What `<input type="datetime-local">` holds for an instant in TIME_ZONE. Browsers normalise the value and
 * drop `:00` seconds, so the test writes and expects that form.
 */
function localInputValue(epochMs: number): string {
  const local = new Date(epochMs + ZONE_OFFSET_MS).toISOString();
  return local.endsWith(':00.000Z') ? local.slice(0, 16) : local.slice(0, 19);
}

test('an administrator filters the audit trail by type, user and time, keeps the filters on reload, and pages back', async ({
  page,
  api,
  axe,
}) => {
  // Seeds some sixty events and runs two accessibility scans on a shared two-core machine.
  test.slow();
  // Every type starts with this tag, so events other journeys add to the shared emulator never match.
  const tag = uniqueCode('audit');
  const users = {
    opschain: await api('opschain'),
    operator: await api('operator'),
    approver: await api('approver'),
    viewer: await api('viewer'),
  } satisfies Record<DemoUser, APIRequestContext>;
  const { early, late, boundary, lastEarlySecond } = await whileEveryoneMayAddEvents(
    users.opschain,
    tag,
    async () => {
      // More than a page of heartbeats (posted at once: the expected order comes from the stamped times),
      // then a deploy and release notes…
      const heartbeats = Array.from({ length: PAGE_SIZE + 2 }, (_, index) => index + 1);
      const early = await Promise.all(
        heartbeats.map((n) =>
          postEvent(users.viewer, 'viewer', `${tag}:heartbeat ${String(n).padStart(3, '0')}`, { n }),
        ),
      );
      early.push(
        await postEvent(users.operator, 'operator', `${tag}:deploy started`, {
          node_path: '/projects/bank',
          release: '2025.3',
        }),
        await postEvent(users.approver, 'approver', `${tag}:release notes published`, { release: '2025.3' }),
      );
      // …and, from the next whole second on (the time filter picks whole seconds), the rest of the story.
      const lastEarly = early.at(-1)?.createdAt ?? '';
      const boundary = (Math.floor(Date.parse(lastEarly) / 1000) + 1) * 1000;
      /** The second the last early events were stamped in: "Until" it covers all of them. */
      const lastEarlySecond = boundary - 1000;
      // The emulator's clock, not this machine's, decides the stamps: probe events (a type the tag filter never
      // matches) show when it has reached the boundary, and the emulator never stamps back in time.
      const probeType = `${uniqueCode('clock')}:probe`;
      await expect
        .poll(async () => Date.parse((await postEvent(users.opschain, 'opschain', probeType)).createdAt), {
          message: "the emulator's clock reaches the next whole second",
          intervals: [100],
        })
        .toBeGreaterThanOrEqual(boundary);
      const late = [
        await postEvent(users.operator, 'operator', `${tag}:deploy finished`, {
          node_path: '/projects/bank',
        }),
        await postEvent(users.opschain, 'opschain', `${tag}:maintenance window closed`, { window: 'weekly' }),
      ];
      return { early, late, boundary, lastEarlySecond };
    },
  );
  const all = newestFirst([...early, ...late]);
  const [deployStarted, releaseNotes] = early.slice(-2);
  const [deployFinished, maintenance] = late;
  if (!deployStarted || !releaseNotes || !deployFinished || !maintenance) throw new Error('events missing');

  const events = new EventsPage(page);
  await page.goto('/');
  await new SignInPage(page).signIn('opschain', 'opschain');
  await events.openFromNavbar();
  await expect(events.rows.first()).toBeVisible();
  await expect.poll(() => events.searchParams()).toEqual({});

  // Type: part of it is enough.
  await events.typeFilter.fill(`${tag}:deploy`);
  await events.expectRows([deployFinished, deployStarted]);
  await expect(events.summary).toHaveText('2 events shown; that is all of them.');
  await expect(events.rows.first().getByRole('link', { name: '/projects/bank' })).toBeVisible();
  await expect.poll(() => events.searchParams()).toEqual({ type: `${tag}:deploy` });

  // User: part of the username, on top of the type.
  await events.typeFilter.fill(tag);
  await events.userFilter.fill('approv');
  await events.expectRows([releaseNotes]);
  await events.userFilter.fill('operator');
  await events.expectRows([deployFinished, deployStarted]);
  await expect.poll(() => events.searchParams()).toEqual({ type: tag, user: 'operator' });
  // Kind: these are custom events, none of them a system event.
  await events.chooseKind('System');
  await expect(events.noMatches).toBeVisible();
  await events.chooseKind('Custom');
  await events.expectRows([deployFinished, deployStarted]);
  await expect.poll(() => events.searchParams()).toEqual({ type: tag, user: 'operator', kind: 'custom' });
  await events.chooseKind('All');
  await events.userFilter.fill('nobody-by-this-name');
  await expect(events.noMatches).toBeVisible();
  await events.userFilter.clear();
  await events.expectRows(all.slice(0, PAGE_SIZE));

  // Time range: from the boundary on (From includes its second), only the late events.
  await events.from.fill(localInputValue(boundary));
  await events.expectRows([maintenance, deployFinished]);
  await expect
    .poll(() => events.searchParams())
    .toEqual({ type: tag, from: new Date(boundary).toISOString() });

  // A reload (or a shared link) brings back the same filters and rows.
  await page.reload();
  await expect(events.heading).toBeVisible();
  await expect(events.typeFilter).toHaveValue(tag);
  await expect(events.from).toHaveValue(localInputValue(boundary));
  await expect(events.userFilter).toHaveValue('');
  await events.expectRows([maintenance, deployFinished]);
  await axe();

  // Until the second before the boundary, that whole second included (the last early events were stamped
  // within it): the early events, newest first, a page at a time. With From this splits the events exactly.
  await events.from.clear();
  await events.until.fill(localInputValue(lastEarlySecond));
  await expect
    .poll(() => events.searchParams())
    .toEqual({ type: tag, to: new Date(lastEarlySecond).toISOString() });
  const earlyNewestFirst = newestFirst(early);
  await events.expectRows(earlyNewestFirst.slice(0, PAGE_SIZE));
  await expect(events.summary).toHaveText(`${String(PAGE_SIZE)} events shown; older ones exist.`);

  await events.loadOlder.click();
  // Every early event exactly once, in order: nothing repeated at the page boundary, nothing skipped.
  await events.expectRows(earlyNewestFirst);
  await expect(events.summary).toHaveText(`${String(early.length)} events shown; that is all of them.`);
  await expect(events.loadOlder).toBeHidden();
  await axe();

  // Without a time range the tag's events need two pages as well.
  await events.until.clear();
  await events.expectRows(all.slice(0, PAGE_SIZE));
  await events.loadOlder.click();
  await events.expectRows(all);
  await expect(events.summary).toHaveText(`${String(all.length)} events shown; that is all of them.`);

  await events.clearFilters.click();
  await expect(events.typeFilter).toHaveValue('');
  await expect.poll(() => events.searchParams()).toEqual({});
});

const changeSchema = z.object({
  data: z.object({ id: z.string(), attributes: z.object({ status_code: z.string() }) }),
});

test("the engine's own events list with the rest: a change's steps starting and succeeding, under the user it ran for", async ({
  page,
  api,
}) => {
  // On top of the demo's week of engine-made history, a change run now, so its events are the newest. It
  // runs in a project of its own: the demo's nodes stay as other journeys expect them.
  const seeder = await api('opschain');
  const project = await seedEnterpriseProject(seeder, 'steps');
  await seedEnvironment(seeder, project.code, 'test', 'Test');
  await seedGitRemote(seeder, project.code);
  const operator = await api('operator');
  const created = await operator.post(`/api/projects/${project.code}/environments/test/changes`, {
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({
      data: { attributes: { action: 'hello', git_remote_name: 'origin', git_rev: 'main' } },
    }),
  });
  expect(created.status(), `POST changes: ${await created.text()}`).toBe(201);
  const { id } = changeSchema.parse(await created.json()).data;
  await expect
    .poll(
      async () =>
        changeSchema.parse(await (await operator.get(`/api/changes/${id}`)).json()).data.attributes
          .status_code,
    )
    .toBe('success');

  const events = new EventsPage(page);
  await page.goto('/');
  await new SignInPage(page).signIn('opschain', 'opschain');
  await events.openFromNavbar();
  // Filtered straight away: journeys running alongside post many custom events, which would fill the
  // unfiltered first page.
  await events.typeFilter.fill('api:steps:');
  await events.userFilter.fill('operator');
  await events.chooseKind('System');
  // Step events the engine recorded by itself carry the change creator's name (never an empty user).
  await expect(events.rows.filter({ hasText: /api:steps:start\s*operator(?!\w)/ }).first()).toBeVisible();
  await expect(events.rows.filter({ hasText: /api:steps:success\s*operator(?!\w)/ }).first()).toBeVisible();
  await expect(events.summary).toHaveText(/^50 events shown; older ones exist\.$/);
});
