import { describe, expect, test } from 'vitest';
import { PREVIOUS_DEPLOY_ENV, previousDeployUrl } from './index.ts';

describe('previousDeployUrl', () => {
  test('the env var the workflow sets wins; `off` reads no site', () => {
    const config = { site: 'https://acme.github.io', base: '/portal/' };
    expect(previousDeployUrl(config, { [PREVIOUS_DEPLOY_ENV]: 'https://mirror.example/portal/' })).toBe('https://mirror.example/portal/');
    expect(previousDeployUrl(config, { [PREVIOUS_DEPLOY_ENV]: 'off' })).toBeUndefined();
  });

  test('else the configured site and base; neither: offline', () => {
    expect(previousDeployUrl({ site: 'https://acme.github.io', base: '/portal/' }, {})).toBe('https://acme.github.io/portal/');
    expect(previousDeployUrl({ base: '/' }, {})).toBeUndefined();
  });
});
