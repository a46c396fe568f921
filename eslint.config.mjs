// @ts-check
/**
 * Lint: ESLint's and typescript-eslint's recommended rules, with type information
 * (https://typescript-eslint.io/getting-started/typed-linting), at zero warnings in `npm test`.
 * Formatting is Prettier's job (.prettierrc.json), so no stylistic rules here.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', '.astro/', '.cache/', 'node_modules/', 'content/', 'src/catalog/generated/*.json', '**/fixtures/**', '.github/actions/*/dist/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // Matching control characters is the point where this project escapes logs and strips names.
      'no-control-regex': 'off',
      // `const { key: _, ...rest } = value` is how this code drops a key from a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      // vitest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any`, and
      // `expect(spy.method)` passes a method on purpose; fakes implement async interfaces synchronously.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  ...astro.configs.recommended,
  {
    // .astro and plain .mjs files are not part of the TypeScript program the type-aware rules need.
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.astro/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Config files run in Node; TypeScript knows Node's globals in .ts files, plain ESLint does not.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly' } },
  },
);
