/**
 * A repo held in memory, read through the `RepoReader` interface the local and
 * GitHub sources implement, recording every read so a test can see what
 * discovery asked for (`path`, or `dir/` for a folder read whole). No cap: a
 * folder gives all its files.
 */
import type { RepoReader } from '../../src/sources/discover-files.ts';
import type { RepoFile } from '../../src/sources/snapshot.ts';

export function memoryReader(contents: Record<string, string | RepoFile>): { reader: RepoReader; reads: string[] } {
  const files = Object.fromEntries(
    Object.entries(contents).map(([path, content]): [string, RepoFile] => [
      path,
      typeof content === 'string' ? { status: 'text', text: content, size: content.length } : content,
    ]),
  );
  const reads: string[] = [];
  const reader: RepoReader = {
    read: (path) => {
      reads.push(path);
      return Promise.resolve(files[path] ?? { status: 'missing' });
    },
    readTree: (dir) => {
      reads.push(`${dir}/`);
      const prefix = dir === '' ? '' : `${dir}/`;
      return Promise.resolve({ files: Object.fromEntries(Object.entries(files).filter(([path]) => path.startsWith(prefix))), truncated: false });
    },
  };
  return { reader, reads };
}
