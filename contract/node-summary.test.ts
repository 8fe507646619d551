import { describe, expect, it } from 'vitest';
import openapiDocument from './openapi/openapi-2025-04-25.json' with { type: 'json' };
import {
  assetSummaryListDocumentSchema,
  environmentSummaryListDocumentSchema,
  projectSummaryListDocumentSchema,
} from './node.ts';

// The spec's list examples, found by path, parse with the navigation summaries too.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listExamples(path: string): unknown[] {
  const paths: unknown = openapiDocument.paths;
  const operation = isRecord(paths) && isRecord(paths[path]) ? paths[path].get : undefined;
  const responses = isRecord(operation) ? operation.responses : undefined;
  const ok = isRecord(responses) ? responses['200'] : undefined;
  const content = isRecord(ok) && isRecord(ok.content) ? ok.content['application/vnd.api+json'] : undefined;
  if (!isRecord(content)) return [];
  if ('example' in content) return [content.example];
  const examples = isRecord(content.examples) ? Object.values(content.examples) : [];
  return examples.flatMap((example) => (isRecord(example) && 'value' in example ? [example.value] : []));
}

describe('node summary schemas', () => {
  it.each([
    ['/api/projects', projectSummaryListDocumentSchema],
    ['/api/projects/{project_code}/environments', environmentSummaryListDocumentSchema],
    ['/api/projects/{project_code}/assets', assetSummaryListDocumentSchema],
  ] as const)('parse the spec examples of GET %s', (path, schema) => {
    const examples = listExamples(path);

    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const result = schema.safeParse(example);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
      expect(result.data?.data.length).toBeGreaterThan(0);
    }
  });

  it('reject a member without the fields navigation shows', () => {
    const [example] = listExamples('/api/projects');
    const broken: unknown = JSON.parse(JSON.stringify(example).replace('"code":', '"kode":'));

    expect(projectSummaryListDocumentSchema.safeParse(broken).success).toBe(false);
  });
});
