import { describe, expect, it } from 'vitest';
import { isSkippedPath, resolveOutputPath, resolveSkeletonDir } from './output-path.ts';

describe('output paths', () => {
  it('skips a name that rendered to nothing, like Backstage', () => {
    expect(['', '/Dockerfile', 'src//index.ts'].map(isSkippedPath)).toEqual([true, true, true]);
    expect(isSkippedPath('src/index.ts')).toBe(false);
  });

  it('places a file below targetPath', () => {
    expect(resolveOutputPath(undefined, 'src/index.ts')).toEqual({ ok: true, path: 'src/index.ts' });
    expect(resolveOutputPath('./service', './src/../README.md')).toEqual({ ok: true, path: 'service/README.md' });
  });

  it.each([
    ['./', '../outside'],
    ['..', 'file'],
    ['/etc', 'passwd'],
    ['./', 'a/../../b'],
    ['./', 'C:/Windows/x'],
    ['./', 'a\\..\\..\\b'],
    ['./', '.git/hooks/pre-commit'],
    ['./', '.GIT/config'],
  ])('refuses targetPath %j with %j', (target, path) => {
    expect(resolveOutputPath(target, path).ok).toBe(false);
  });

  it('resolves a fetch url against the template file', () => {
    expect(resolveSkeletonDir('templates/web/template.yaml', './skeleton')).toBe('templates/web/skeleton');
    expect(resolveSkeletonDir('template.yaml', './skeleton/')).toBe('skeleton');
    expect(resolveSkeletonDir('t/template.yaml', '../../x')).toBeUndefined();
  });
});
