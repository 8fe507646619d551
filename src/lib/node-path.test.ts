import { describe, expect, it } from 'vitest';
import {
  ancestorPaths,
  assetPath,
  environmentPath,
  nodePath,
  parseNodePath,
  parseWorkflowPath,
  projectPath,
} from './node-path';

describe('node paths', () => {
  it('builds the four OpsChain node paths', () => {
    expect(projectPath('bank')).toBe('/projects/bank');
    expect(environmentPath('bank', 'dev')).toBe('/projects/bank/environments/dev');
    expect(assetPath({ projectCode: 'bank' }, 'shared_db')).toBe('/projects/bank/assets/shared_db');
    expect(assetPath({ projectCode: 'bank', environmentCode: 'dev' }, 'soa_dev')).toBe(
      '/projects/bank/environments/dev/assets/soa_dev',
    );
  });

  it('percent-encodes codes that are not URL-safe', () => {
    expect(projectPath('a b/c')).toBe('/projects/a%20b%2Fc');
  });

  it('reads every node path back into the reference it was built from', () => {
    const refs = [
      { kind: 'project', projectCode: 'bank' },
      { kind: 'environment', projectCode: 'bank', environmentCode: 'dev' },
      { kind: 'asset', projectCode: 'bank', assetCode: 'shared_db' },
      { kind: 'asset', projectCode: 'bank', environmentCode: 'dev', assetCode: 'soa_dev' },
      { kind: 'project', projectCode: 'a b/c' },
    ] as const;

    for (const ref of refs) expect(parseNodePath(nodePath(ref))).toEqual(ref);
  });

  it('refuses paths that are not nodes', () => {
    for (const path of [
      '',
      '/',
      '/projects',
      '/projects/',
      '/projects/bank/',
      '/projects/bank/changes',
      '/projects/bank/environments',
      '/projects/bank/assets/a/environments/e',
      '/projects/bank/environments/dev/assets',
      '/projects/bank/environments/dev/assets/a/extra',
      '/changes/bank',
      '/projects/%E0%A4%A',
    ]) {
      expect(parseNodePath(path), path).toBeNull();
    }
  });

  it('lists ancestors outermost first', () => {
    expect(ancestorPaths({ kind: 'project', projectCode: 'p' })).toEqual([]);
    expect(ancestorPaths({ kind: 'environment', projectCode: 'p', environmentCode: 'e' })).toEqual([
      '/projects/p',
    ]);
    expect(ancestorPaths({ kind: 'asset', projectCode: 'p', assetCode: 'a' })).toEqual(['/projects/p']);
    expect(ancestorPaths({ kind: 'asset', projectCode: 'p', environmentCode: 'e', assetCode: 'a' })).toEqual([
      '/projects/p',
      '/projects/p/environments/e',
    ]);
  });
});

describe('parseWorkflowPath', () => {
  it('reads the project and workflow codes of a workflow path, decoded', () => {
    expect(parseWorkflowPath('/projects/bank/workflows/soa%20release')).toEqual({
      projectCode: 'bank',
      workflowCode: 'soa release',
    });
  });

  it('is null for node paths and anything below a workflow', () => {
    expect(parseWorkflowPath('/projects/bank')).toBeNull();
    expect(parseWorkflowPath('/projects/bank/environments/dev')).toBeNull();
    expect(parseWorkflowPath('/projects/bank/workflows/soa/runs')).toBeNull();
    expect(parseWorkflowPath('/projects/bank/workflows/')).toBeNull();
  });
});
