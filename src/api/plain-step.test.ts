import { stepResourceSchema } from '@contract/change';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectHandCheckAgreesWithSchema } from '@/test/hand-check-property';
import { plainStep, readStepRows } from './plain-step';

/** A step as the emulator (and OpsChain) sends it. */
const sent = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  type: 'step',
  attributes: {
    approved_by: [],
    rejected_by: [],
    continued_by: [],
    requires_approval_from: null,
    action: 'deploy',
    name: null,
    step_type: 'standard',
    child_execution_strategy: 'sequential',
    change_id: 'c1',
    skip_on_retry: false,
    created_at: '2026-01-05T10:00:00.123456Z',
    started_at: '2026-01-05T10:00:01Z',
    finished_at: null,
    updated_at: '2026-01-05T10:00:01Z',
    status_code: 'success',
    ...overrides,
  },
  relationships: {
    children: { data: [{ type: 'step', id: `${id}-1` }] },
    change: { data: { type: 'change', id: 'c1' } },
    properties_versions: { data: [] },
  },
  links: { parent: '/api/changes/c1', continue: null, self: `/api/steps/${id}` },
});

describe('plainStep', () => {
  it('reads a step as sent exactly as the contract schema does', () => {
    const member = sent('s1');
    expect(plainStep(member)).toEqual(stepResourceSchema.parse(member));
  });

  it('leaves out keys the schema does not know, as the schema does', () => {
    const member = { ...sent('s1', { extra: 1 }), extra: true };
    const read = plainStep(member);
    expect(read).toEqual(stepResourceSchema.parse(member));
    expect(read?.attributes).not.toHaveProperty('extra');
  });

  it('hands steps with approvals on to the schema check of the records', () => {
    const member = sent('s1', { approved_by: [{ username: 'ann', message: 'ok', at: 'x' }] });
    expect(plainStep(member)).toEqual(stepResourceSchema.parse(member));
    expect(plainStep(sent('s1', { approved_by: [{ username: 3 }] }))).toBeNull();
  });

  it('refuses what the schema refuses: a wrong type, a bad time, an unknown strategy', () => {
    expect(plainStep({ ...sent('s1'), type: 'change' })).toBeNull();
    expect(plainStep(sent('s1', { created_at: '2026-02-30T10:00:00Z' }))).toBeNull();
    expect(plainStep(sent('s1', { child_execution_strategy: 'random' }))).toBeNull();
    expect(plainStep(sent('s1', { status_code: null }))).toBeNull();
    expect(plainStep({ ...sent('s1'), links: { self: 3 } })).toBeNull();
  });
});

describe('readStepRows', () => {
  it('keeps the readable steps (by hand or by the schema) in order and marks the others', () => {
    const withMeta = { ...sent('s2'), meta: { note: 'read by the schema' } };
    const rows = readStepRows([sent('s1'), withMeta, sent('s3', { status_code: 7 })]);
    expect(rows.items.map((step) => step.id)).toEqual(['s1', 's2']);
    expect(rows.items[1]?.meta).toEqual({ note: 'read by the schema' });
    expect(rows.unreadable).toEqual([
      {
        index: 2,
        id: 's3',
        problems: ['attributes.status_code: Invalid input: expected string, received number'],
      },
    ]);
  });

  it('never accepts a step the contract schema refuses, and reads it as the schema does', () => {
    const stamp = fc.oneof(
      fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString()),
      fc.constantFrom(
        '2025-13-01T00:00:00Z',
        '2025-04-31T10:00:00Z',
        '2025-02-29T10:00:00Z',
        '2025-04-25T24:00:00Z',
        '2025-04-25T06:21:23',
        '2025-04-25T06:21:23+02:00',
        '2025-04-25 06:21:23Z',
      ),
      fc.string(),
      fc.constant(null),
    );
    const text = fc.oneof(fc.string(), fc.constant(null), fc.integer());
    const identifier = fc.record({ type: fc.string(), id: fc.oneof(fc.string(), fc.integer()) });
    const relationship = fc.record(
      {
        data: fc.oneof(fc.constant(null), identifier, fc.array(identifier, { maxLength: 3 }), fc.string()),
        links: fc.dictionary(fc.string(), text, { maxKeys: 2 }),
        meta: fc.constant({}),
      },
      { requiredKeys: [] },
    );
    const approvals = fc.oneof(
      fc.constant(null),
      fc.constant([]),
      fc.array(fc.record({ username: text, message: text }, { requiredKeys: ['username'] }), {
        maxLength: 2,
      }),
      fc.string(),
    );
    const member = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer()),
        type: fc.constantFrom('step', 'change'),
        attributes: fc.record(
          {
            approved_by: approvals,
            rejected_by: approvals,
            continued_by: approvals,
            requires_approval_from: text,
            action: text,
            name: text,
            step_type: text,
            child_execution_strategy: fc.constantFrom('sequential', 'parallel', 'other', null),
            change_id: text,
            skip_on_retry: fc.oneof(fc.boolean(), fc.constant(0)),
            created_at: stamp,
            started_at: stamp,
            finished_at: stamp,
            updated_at: stamp,
            status_code: text,
          },
          { requiredKeys: ['action', 'skip_on_retry', 'status_code'] },
        ),
        relationships: fc.oneof(fc.dictionary(fc.string(), relationship, { maxKeys: 3 }), fc.string()),
        links: fc.dictionary(fc.string(), text, { maxKeys: 3 }),
        meta: fc.oneof(fc.constant(null), fc.constant({ a: 1 }), fc.string()),
      },
      { requiredKeys: ['type'] },
    );
    // Well-formed steps with one part replaced, so the hand check's accepting path is exercised too.
    const base = sent('s1');
    const oneAttributeOff = fc
      .tuple(fc.constantFrom(...Object.keys(base.attributes)), fc.oneof(fc.anything(), stamp, approvals))
      .map(([key, value]) => sent('s1', { [key]: value }));
    const onePartOff = fc
      .tuple(fc.constantFrom('id', 'type', 'attributes', 'relationships', 'links', 'meta'), fc.anything())
      .map(([key, value]) => ({ ...base, [key]: value }));
    const relationshipOff = fc
      .tuple(fc.string(), fc.oneof(relationship, fc.anything()))
      .map(([key, value]) => ({ ...base, relationships: { ...base.relationships, [key]: value } }));
    const mostlySent = fc.oneof(member, oneAttributeOff, onePartOff, relationshipOff);
    const accepted = expectHandCheckAgreesWithSchema({
      arbitrary: mostlySent,
      check: plainStep,
      schema: stepResourceSchema,
      numRuns: 3000,
    });
    expect(accepted).toBeGreaterThan(100);
  });
});
