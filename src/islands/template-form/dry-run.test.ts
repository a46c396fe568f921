import { describe, expect, it } from 'vitest';
import { dryRunSummary, fileTree, problemLine, selectedFile } from './dry-run.ts';
import type { RenderedFile } from './renderer.ts';

const f = (path: string, extra: Partial<RenderedFile> = {}): RenderedFile => ({
  path,
  source: path,
  skeleton: 'skeleton',
  size: 1,
  text: 'x',
  templated: true,
  ...extra,
});

describe('fileTree', () => {
  it('nests paths into folders, folders first, then by name', () => {
    const tree = fileTree([f('src/main/App.java'), f('README.md'), f('src/test/AppTest.java'), f('.github/workflows/ci.yml'), f('a.txt')]);
    expect(tree.map((n) => n.name)).toEqual(['.github', 'src', 'a.txt', 'README.md']);
    expect(tree[1]!.children!.map((n) => n.path)).toEqual(['src/main', 'src/test']);
    expect(tree[1]!.children![0]!.children![0]!.file?.path).toBe('src/main/App.java');
  });
});

describe('selectedFile', () => {
  const files = [f('bin.png', { text: undefined, binary: true }), f('catalog-info.yaml'), f('README.md')];
  it('keeps the selection while it exists, else prefers the README', () => {
    expect(selectedFile(files, 'catalog-info.yaml')?.path).toBe('catalog-info.yaml');
    expect(selectedFile(files, 'gone.txt')?.path).toBe('README.md');
    expect(selectedFile([f('bin.png', { text: undefined }), f('x.ts')], undefined)?.path).toBe('x.ts');
    expect(selectedFile([], undefined)).toBeUndefined();
  });
});

describe('problems', () => {
  it('says where, then what, then how to fix', () => {
    expect(problemLine({ file: 'skeleton/README.md', line: 3, column: 7, message: 'unknown filter "nope"', fix: 'use one of Backstage’s filters' })).toBe(
      'skeleton/README.md:3:7: unknown filter "nope" (use one of Backstage’s filters)',
    );
    expect(problemLine({ step: 'publish', message: 'x' })).toBe('step publish: x');
    expect(dryRunSummary({ files: [f('a')], steps: [], problems: [{ message: 'x' }, { message: 'y' }] })).toBe('1 file, 2 problems');
  });
});
