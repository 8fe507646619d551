import { describe, expect, it } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { createBookmark, updateBookmark } from './bookmarks';

setUpEmulator();

describe('bookmarks', () => {
  it('creates a bookmark with created_by null, so the server names the caller, and updates both fields', async () => {
    signInAs('operator');
    const nodePath = '/projects/bank/assets/shared_db';
    const bookmark = await createBookmark({
      nodePath,
      fields: { url: 'https://db.example.com', description: 'Database console' },
    });
    expect(bookmark).toMatchObject({ url: 'https://db.example.com', created_by: 'operator' });

    const updated = await updateBookmark({
      nodePath,
      id: bookmark.id,
      fields: { url: 'https://db2.example.com', description: 'Database console' },
    });
    expect(updated).toMatchObject({ url: 'https://db2.example.com', description: 'Database console' });
  });
});
