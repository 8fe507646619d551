// Properties editor benchmark (issue 13): click Edit → editor ready on a cold cache (Monaco not loaded),
// a 1 MB properties document → editable once Monaco is loaded, and typing in it (key press → next frame).
// Prints numbers against the targets; asserts nothing. Needs a build: `npx vite build && node --import tsx
// e2e/bench/editor-bench.ts` (`npm run bench:console` runs it after the navigator benchmark, which prints
// the first-load JavaScript).
import { request, type APIRequestContext, type Page } from '@playwright/test';
import { launchChromium, median, startBenchServer } from './bench-kit.ts';

const TARGETS = { coldEditMs: 1500, bigOpenMs: 1000, keystrokeMs: 16.7 };
const JSON_API = 'application/vnd.api+json';
const PROJECT = 'editor_bench';
const SETTLE_MS = 5000;

async function send(api: APIRequestContext, method: string, path: string, attributes: unknown) {
  const response = await api.fetch(path, {
    method,
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({ data: { attributes } }),
  });
  if (response.status() >= 300) throw new Error(`${method} ${path}: ${await response.text()}`);
  return (await response.json()) as { data: { relationships: { properties: { data: { id: string } } } } };
}

/** A properties document of about `bytes` bytes (as formatted JSON): many services, nested and with arrays. */
function bigDocument(bytes: number): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  let index = 0;
  while (JSON.stringify({ services }, null, 2).length < bytes) {
    for (let batch = 0; batch < 200; batch += 1, index += 1) {
      services[`service_${String(index).padStart(5, '0')}`] = {
        host: `svc-${String(index)}.internal.example.com`,
        port: 8000 + (index % 1000),
        replicas: (index % 5) + 1,
        tags: ['web', `team-${String(index % 17)}`, 'eu-west-1'],
        env: { LOG_LEVEL: 'info', FEATURE_X: index % 2 === 0, TIMEOUT_MS: 30_000 },
      };
    }
  }
  return { services };
}

async function seed(api: APIRequestContext): Promise<{ small: string; big: string; bigBytes: number }> {
  await send(api, 'POST', '/api/projects', {
    code: PROJECT,
    name: 'Editor bench',
    description: 'Editor benchmark',
    project_type: 'Enterprise',
  });
  for (const [code, name] of [
    ['small', 'Small properties'],
    ['big', 'Big properties'],
  ]) {
    await send(api, 'POST', `/api/projects/${PROJECT}/environments`, { code, name, description: name });
  }
  const environment = await api.get(`/api/projects/${PROJECT}/environments/big`);
  const body = (await environment.json()) as {
    data: { relationships: { properties: { data: { id: string } } } };
  };
  const document = bigDocument(1024 * 1024);
  await send(api, 'PATCH', `/api/properties/${body.data.relationships.properties.data.id}`, {
    data: document,
    version: 1,
  });
  return {
    small: `/projects/${PROJECT}/environments/small`,
    big: `/projects/${PROJECT}/environments/big`,
    bigBytes: JSON.stringify(document, null, 2).length,
  };
}

/** Resolves once Monaco shows the document's first line and takes input. */
async function editorReady(page: Page, label: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForFunction(
    () => (document.querySelector('.monaco-editor .view-lines')?.textContent ?? '').includes('{'),
    undefined,
    { timeout: 60_000 },
  );
}

interface KeystrokeTiming {
  /** Key press → the end of the frame that shows the character (Monaco renders it in an animation frame). */
  shown: number;
  /** Key press → the frame after that one (what this benchmark printed first: it waits one frame more). */
  frameAfter: number;
}

/** In-page: from a key press to the frame in which Monaco's DOM changed, and to the frame after it. */
async function timeKeystroke(page: Page, key: string): Promise<KeystrokeTiming> {
  await page.evaluate(`(() => {
    delete window.benchResult;
    let start = null;
    const lines = document.querySelector('.monaco-editor .view-lines');
    const observer = new MutationObserver(() => {
      if (start === null) return;
      const began = start;
      start = null;
      observer.disconnect();
      // A task queued during the frame's callbacks runs once that frame has been rendered.
      let shown = null;
      setTimeout(() => { shown = performance.now() - began; }, 0);
      requestAnimationFrame(() => setTimeout(() => {
        window.benchResult = { shown, frameAfter: performance.now() - began };
      }, 0));
    });
    document.addEventListener('keydown', () => { start = performance.now(); }, { capture: true, once: true });
    observer.observe(lines, { childList: true, subtree: true, characterData: true });
  })()`);
  await page.keyboard.press(key);
  const handle = await page.waitForFunction(
    () => (window as unknown as { benchResult?: KeystrokeTiming }).benchResult,
    undefined,
    { timeout: 30_000 },
  );
  const timing = await handle.jsonValue();
  if (timing === undefined) throw new Error('no keystroke timing');
  return timing;
}

/** Types `"benchmark_key"` at the start of the document (after the opening brace), timing each key. */
async function typeKeys(page: Page, editorLabel: string): Promise<KeystrokeTiming[]> {
  await page.getByRole('textbox', { name: editorLabel }).focus();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const timings: KeystrokeTiming[] = [];
  for (const key of '"benchmark_key"') timings.push(await timeKeystroke(page, key));
  return timings;
}

const verdict = (value: number, target: number) => (value <= target ? 'within target' : 'OVER target');

async function run(): Promise<void> {
  const server = await startBenchServer(8394, { EMULATOR_SEED: 'demo' });
  try {
    const api = await request.newContext({
      baseURL: server.base,
      httpCredentials: { username: 'opschain', password: 'opschain', send: 'always' },
      extraHTTPHeaders: { accept: JSON_API },
    });
    const paths = await seed(api);
    await api.dispose();

    const browser = await launchChromium();
    // A fresh context: empty HTTP cache, so Monaco's chunks and workers load from the server.
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.base}${paths.small}/properties`);
    await page.getByRole('textbox', { name: 'Username' }).fill('operator');
    await page.getByRole('textbox', { name: 'Password' }).fill('operator');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const editSmall = page.getByRole('button', { name: 'Edit properties' });
    // Clicked as soon as it shows: before the page's idle preload of the editor has fetched anything.
    await editSmall.waitFor({ timeout: 120_000 });
    let started = performance.now();
    await editSmall.click();
    await editorReady(page, 'Properties of Small properties (JSON)');
    const coldEdit = performance.now() - started;
    // The same keys in the small document: what a keystroke costs with next to nothing to edit (the frame
    // pipeline's own floor on this machine), to read the 1 MB figure against.
    await page.waitForTimeout(1000);
    const smallTimings = await typeKeys(page, 'Properties of Small properties (JSON)');
    await page.getByRole('button', { name: 'Discard edits' }).click();

    // Monaco is loaded now; go to the big document inside the app (no reload) and open its editor.
    await page
      .getByRole('navigation', { name: 'Breadcrumbs' })
      .getByRole('link', { name: 'Editor bench' })
      .click();
    await page.getByRole('main').getByRole('tab', { name: 'Environments', exact: true }).click();
    await page.getByRole('main').getByRole('link', { name: 'Big properties' }).first().click();
    await page.getByRole('main').getByRole('tab', { name: 'Properties', exact: true }).click();
    const editBig = page.getByRole('button', { name: 'Edit properties' });
    await editBig.waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    started = performance.now();
    await editBig.click();
    await editorReady(page, 'Properties of Big properties (JSON)');
    const bigOpen = performance.now() - started;

    // Typing right after opening competes with Monaco tokenising 1 MB in the background: wait until it
    // settles, as a person reading the document first would, then type.
    await page.waitForTimeout(SETTLE_MS);
    const timings = await typeKeys(page, 'Properties of Big properties (JSON)');
    const keystrokes = timings.map((timing) => timing.shown);
    const framesAfter = timings.map((timing) => timing.frameAfter);
    // Leave without the unsaved-edits prompt getting in the way.
    page.on('dialog', (dialog) => void dialog.accept());
    await browser.close();

    console.log('Properties editor (demo seed plus a 1 MB properties document)');
    console.log(
      `  click Edit → editor ready, cold (Monaco not cached): ${coldEdit.toFixed(0)} ms (target ≤ ${String(TARGETS.coldEditMs)} ms: ${verdict(coldEdit, TARGETS.coldEditMs)})`,
    );
    console.log(
      `  1 MB document (${(paths.bigBytes / 1024 / 1024).toFixed(2)} MB formatted): click Edit → editable, Monaco loaded: ${bigOpen.toFixed(0)} ms (target ≤ ${String(TARGETS.bigOpenMs)} ms: ${verdict(bigOpen, TARGETS.bigOpenMs)})`,
    );
    console.log(
      `  typing in it ${String(SETTLE_MS / 1000)} s after it opened, key press → frame showing it (median): ${median(keystrokes).toFixed(1)} ms, max ${Math.max(...keystrokes).toFixed(1)} ms over ${String(keystrokes.length)} keys (target ≤ ${String(TARGETS.keystrokeMs)} ms: ${verdict(median(keystrokes), TARGETS.keystrokeMs)})`,
    );
    const small = smallTimings.map((timing) => timing.shown);
    console.log(
      `  the same keys in the small document (the floor: next to nothing to edit), key press → frame showing it (median): ${median(small).toFixed(1)} ms, max ${Math.max(...small).toFixed(1)} ms`,
    );
    // Key press → frame includes waiting for the next frame, which in headless Chromium here is itself about a
    // frame (the floor above): what the 1 MB document costs per keystroke is the difference.
    const extra = median(keystrokes) - median(small);
    console.log(
      `  what the 1 MB document adds per keystroke (median over the floor): ${extra.toFixed(1)} ms (target: under one frame, ${String(TARGETS.keystrokeMs)} ms: ${verdict(extra, TARGETS.keystrokeMs)})`,
    );
    // The first measure of this benchmark: one frame later, so never under one frame however fast typing is.
    console.log(
      `  key press → the frame after it (median): ${median(framesAfter).toFixed(1)} ms, max ${Math.max(...framesAfter).toFixed(1)} ms`,
    );
  } finally {
    server.process.kill();
  }
}

await run();
