import { describe, expect, it } from 'vitest';
import { allows, denial, deniedReason } from './permissions';

describe('allows', () => {
  it('grants only what the facet explicitly grants', () => {
    const authorisations = {
      self: { update: true },
      changes: { read: true, execute: false },
      assets: { read: true },
    };

    expect(allows(authorisations, 'self', 'update')).toBe(true);
    expect(allows(authorisations, 'changes', 'execute')).toBe(false);
    expect(allows(authorisations, 'assets', 'update')).toBe(false);
    expect(allows(authorisations, 'templates', 'read')).toBe(false);
  });
});

describe('deniedReason', () => {
  it('names the permission and the node path for the node itself', () => {
    expect(
      deniedReason({ nodePath: '/projects/bank', facet: 'self', permission: 'update', purpose: 'rename it' }),
    ).toBe('You need update permission on /projects/bank to rename it');
  });

  it('names the collection path for other facets', () => {
    expect(
      deniedReason({
        nodePath: '/projects/bank',
        facet: 'environments',
        permission: 'update',
        purpose: 'create environments',
      }),
    ).toBe('You need update permission on /projects/bank/environments to create environments');
  });
});

describe('denial', () => {
  it('is null when allowed and the reason otherwise', () => {
    const requirement = {
      nodePath: '/projects/bank',
      facet: 'self',
      permission: 'update',
      purpose: 'archive it',
    } as const;

    expect(denial({ self: { update: true } }, requirement)).toBeNull();
    expect(denial({ self: { update: false } }, requirement)).toBe(
      'You need update permission on /projects/bank to archive it',
    );
  });
});
