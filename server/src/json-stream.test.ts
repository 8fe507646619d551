import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamListDocument } from './json-stream.ts';

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

describe('streamListDocument', () => {
  it('writes the same document JSON.stringify would, in batches of 50 then 25', async () => {
    const items = Array.from({ length: 1_234 }, (_, i) => i);
    const batches: number[] = [];
    const stream = streamListDocument(
      items,
      (batch) => {
        batches.push(batch.length);
        return batch.map((n) => ({ id: String(n), attributes: { name: `"quoted" ${String(n)}` } }));
      },
      { meta: { authorisations: { update: true } } },
    );
    const body = await text(stream);
    expect(JSON.parse(body)).toEqual({
      data: items.map((n) => ({ id: String(n), attributes: { name: `"quoted" ${String(n)}` } })),
      meta: { authorisations: { update: true } },
    });
    expect(batches).toEqual([50, ...Array.from({ length: 47 }, () => 25), 9]);
  });

  it('skips batches that serialize to nothing', async () => {
    const stream = streamListDocument(
      Array.from({ length: 1_100 }, (_, i) => i),
      (batch) => batch.filter((n) => n < 10 || n >= 1_050),
    );
    const expected = [
      ...Array.from({ length: 10 }, (_, i) => i),
      ...Array.from({ length: 50 }, (_, i) => 1_050 + i),
    ];
    expect(JSON.parse(await text(stream))).toEqual({ data: expected });
    const none = streamListDocument([1, 2, 3], () => []);
    expect(JSON.parse(await text(none))).toEqual({ data: [] });
  });

  it('reads a generator a batch at a time and computes a rest function after the last item', async () => {
    const events: string[] = [];
    function* numbers(): Generator<number> {
      for (let i = 0; i < 120; i++) {
        if (i === 50) events.push('read past the first batch');
        yield i;
      }
      events.push('source done');
    }
    const stream = streamListDocument(
      numbers(),
      (batch) => {
        events.push(`batch ${String(batch.length)}`);
        return batch;
      },
      () => {
        events.push('rest');
        return { meta: { partial_response: false } };
      },
    );
    expect(JSON.parse(await text(stream))).toEqual({
      data: Array.from({ length: 120 }, (_, i) => i),
      meta: { partial_response: false },
    });
    expect(events).toEqual([
      'batch 50',
      'read past the first batch',
      'batch 25',
      'batch 25',
      'source done',
      'batch 20',
      'rest',
    ]);
  });

  it('writes an empty list as an empty array', async () => {
    expect(JSON.parse(await text(streamListDocument([], () => [])))).toEqual({ data: [] });
  });

  it('lets other work run between batches', async () => {
    const order: string[] = [];
    const stream = streamListDocument(
      Array.from({ length: 600 }, (_, i) => i),
      (batch) => {
        order.push(`batch ${String(batch.length)}`);
        return batch;
      },
    );
    const reading = text(stream);
    setImmediate(() => order.push('other request'));
    await reading;
    expect(order.indexOf('other request')).toBeGreaterThan(0);
    expect(order.indexOf('other request')).toBeLessThan(order.length - 1);
  });
});
