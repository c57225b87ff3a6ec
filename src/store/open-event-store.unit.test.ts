import { describe, expect, it } from 'vitest';
import { StoreError } from '../domain/errors/index.js';
import { defaultEventStoreUrl, openEventStore, parseEventStoreUrl } from './open-event-store.js';

describe('parseEventStoreUrl', () => {
  it('resolves a sqlite: path against the workspace, and keeps an absolute one', () => {
    expect(parseEventStoreUrl(defaultEventStoreUrl, '/w/demo')).toEqual({ kind: 'sqlite', file: '/w/demo/.kairos/events.db' });
    expect(parseEventStoreUrl('sqlite:/var/log/k.db', '/w/demo')).toEqual({ kind: 'sqlite', file: '/var/log/k.db' });
    expect(parseEventStoreUrl('SQLITE:log.db', '/w')).toEqual({ kind: 'sqlite', file: '/w/log.db' });
  });

  it('says PostgreSQL is not built yet, without repeating credentials', async () => {
    const url = 'postgres://kairos:s3cret@db.example:5432/kairos';
    expect(() => parseEventStoreUrl(url)).toThrow(StoreError);
    expect(() => parseEventStoreUrl(url)).toThrow(/PostgreSQL event store \(postgres:\/\/…\) is not built yet/);
    expect(() => parseEventStoreUrl(url)).not.toThrow(/s3cret/);
    await expect(openEventStore('postgresql://x')).rejects.toThrow(/not built yet/);
  });

  it('refuses an unknown scheme or a sqlite: URL without a path', () => {
    expect(() => parseEventStoreUrl('mysql://u:p@h/db')).toThrow(/unknown event store URL mysql:…: expected sqlite:<path>/);
    expect(() => parseEventStoreUrl('events.db')).toThrow(/unknown event store URL "events.db"/);
    expect(() => parseEventStoreUrl('sqlite:')).toThrow(/names no file/);
  });
});
