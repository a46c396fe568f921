/**
 * Bundle the PR check (src/pr-check/main.ts) into one self-contained ESM file that any repo of the
 * org runs with the runner's own Node: no node_modules beside it, nothing loaded at run time but
 * Node built-ins. Copies the apply-template action's approach (src/scaffolder/action/bundle.ts).
 *
 * Two modules find files next to their own source at load time, which a bundle downloaded to a
 * runner's temp folder does not have; the bundle gets what they compute, fixed at bundle time:
 * - src/docs/render-cache.ts hashes the renderer's sources for its cache key: the key is computed
 *   here, from the sources the bundle is made of;
 * - src/pipeline/project-root.ts places `.cache/` beside the checkout: in the bundle it is a
 *   folder under the OS temp dir, so a check never writes into the repo it checks.
 *
 * The site gets the bundle on every build (src/pipeline/build.ts → `publishValidator`), from a
 * cache in `.cache/validator/` while none of the bundle's inputs changed.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build, version as esbuildVersion, type Plugin } from 'esbuild';

/** Where the site publishes the bundle, relative to the site's root. */
export const VALIDATOR_SITE_PATH = 'validate/frontdoor-validate.mjs';

export interface ValidatorBundle {
  text: string;
  /** What the bundle loads at run time (imports left external): Node built-ins only. */
  external: string[];
  /** The files it was made of (project-relative), for the cache key. */
  inputs: string[];
}

export async function bundleValidator(root: string): Promise<ValidatorBundle> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/pr-check/main.ts'],
    outfile: join(root, 'dist', VALIDATOR_SITE_PATH),
    bundle: true,
    write: false,
    platform: 'node',
    // Runners' preinstalled Node is 20 or newer.
    target: 'node20',
    format: 'esm',
    alias: { nunjucks: 'nunjucks/browser/nunjucks.js' },
    minify: true,
    legalComments: 'eof',
    plugins: [fixedAtBundleTime(root)],
    banner: {
      js: [
        '// Frontdoor PR check, generated from src/pr-check/main.ts by scripts/build-validator.ts. Do not edit.',
        // Bundled CommonJS packages `require` built-ins, which an ES module has no `require` for.
        "import { createRequire as __frontdoorCreateRequire } from 'node:module';",
        'const require = __frontdoorCreateRequire(import.meta.url);',
      ].join('\n'),
    },
    logLevel: 'warning',
    metafile: true,
  });
  const external = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((entry) => entry.external).map((entry) => entry.path));
  return { text: result.outputFiles[0]!.text, external: [...new Set(external)].sort(), inputs: Object.keys(result.metafile.inputs).sort() };
}

function fixedAtBundleTime(root: string): Plugin {
  const replace = async (path: string, from: string, to: string, header = '') => {
    const source = await readFile(path, 'utf8');
    // A refactor of these lines must not silently ship a bundle that reads its own folder.
    if (!source.includes(from)) throw new Error(`${path} no longer contains \`${from}\`: update src/pr-check/bundle.ts`);
    return { contents: header + source.replace(from, to), loader: 'ts' as const };
  };
  return {
    name: 'frontdoor-fixed-at-bundle-time',
    setup(esbuild) {
      esbuild.onLoad({ filter: /[\\/]src[\\/]docs[\\/]render-cache\.ts$/ }, async (args) => {
        const { RENDERER_VERSION } = (await import(join(root, 'src/docs/render-cache.ts'))) as { RENDERER_VERSION: string };
        return replace(
          args.path,
          'export const RENDERER_VERSION = rendererFingerprint();',
          `export const RENDERER_VERSION = ${JSON.stringify(RENDERER_VERSION)};`,
        );
      });
      esbuild.onLoad({ filter: /[\\/]src[\\/]pipeline[\\/]project-root\.ts$/ }, (args) =>
        replace(
          args.path,
          "export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');",
          "export const projectRoot = join(__frontdoorTmpdir(), 'frontdoor-validate');",
          "import { tmpdir as __frontdoorTmpdir } from 'node:os';\n",
        ),
      );
    },
  };
}

/**
 * Write the bundle to `outFile`, reusing the one in `cacheDir` when every file it was made of (and
 * esbuild) is unchanged: a hash of ~1,000 files instead of a bundle of them.
 */
export async function publishValidator(root: string, outFile: string, cacheDir: string): Promise<{ bytes: number; cached: boolean }> {
  const manifestFile = join(cacheDir, 'manifest.json');
  const cachedBundle = join(cacheDir, 'frontdoor-validate.mjs');
  await mkdir(dirname(outFile), { recursive: true });
  try {
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { key: string; inputs: string[]; bytes: number };
    if (manifest.key === (await inputsKey(root, manifest.inputs))) {
      await copyFile(cachedBundle, outFile);
      return { bytes: manifest.bytes, cached: true };
    }
  } catch {
    /* no cache, or an input is gone: bundle */
  }
  const bundle = await bundleValidator(root);
  await writeFile(outFile, bundle.text);
  const bytes = Buffer.byteLength(bundle.text);
  try {
    await mkdir(cacheDir, { recursive: true });
    // Builds run side by side (the tests build two sites at once): a reader copies a whole file or none.
    await writeAtomically(cachedBundle, bundle.text);
    await writeAtomically(manifestFile, JSON.stringify({ key: await inputsKey(root, bundle.inputs), inputs: bundle.inputs, bytes }));
  } catch {
    /* a cache that cannot be written only costs the next build a bundle */
  }
  return { bytes, cached: false };
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

async function inputsKey(root: string, inputs: readonly string[]): Promise<string> {
  const hash = createHash('sha256').update(esbuildVersion);
  const contents = await Promise.all(inputs.map((input) => readFile(join(root, input))));
  inputs.forEach((input, i) => hash.update(input).update('\0').update(contents[i]!).update('\0'));
  return hash.digest('hex');
}
