import { describe, expect, it } from 'vitest';
import { inMemorySnapshot } from '../../../test/support/in-memory-source.ts';
import { displayPathFor } from './display-path.ts';

describe('displayPathFor', () => {
  const snapshot = inMemorySnapshot([{ name: 'remote', catalogFiles: [], files: {} }]);
  snapshot.repos.push({ ...snapshot.repos[0]!, name: 'shop', localPath: '/work/org/shop' });

  it('shows files of local repos relative to the current directory', () => {
    expect(displayPathFor(snapshot, '/work/org/shop')('shop', 'docs/api.yaml')).toBe('docs/api.yaml');
    expect(displayPathFor(snapshot, '/work')('shop', 'catalog-info.yaml')).toBe('org/shop/catalog-info.yaml');
    expect(displayPathFor(snapshot, '/work/other')('shop', 'catalog-info.yaml')).toBe('../org/shop/catalog-info.yaml');
    expect(displayPathFor(snapshot, '/work/org/shop')('shop', '')).toBe('.');
  });

  it('shows files of repos without a folder as <repo>/<path>', () => {
    expect(displayPathFor(snapshot, '/work')('remote', 'catalog-info.yaml')).toBe('remote/catalog-info.yaml');
    expect(displayPathFor(snapshot, '/work')('remote', '')).toBe('remote');
  });

  it('shows the bare path for problems not tied to a repo', () => {
    expect(displayPathFor(snapshot, '/work')('', 'portal.config.yaml')).toBe('portal.config.yaml');
  });
});
