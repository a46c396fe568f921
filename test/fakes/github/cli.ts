/**
 * Serves a folder-org through the fake GitHub, for manual runs:
 *
 *   node test/fakes/github/cli.ts <org-dir> [--port N] [--token T]
 *
 * then point the crawler at it with GITHUB_GRAPHQL_URL=<printed url> and
 * GITHUB_TOKEN=<token>. Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { loadFakeOrgFromDir } from './load-org.ts';
import { startFakeGitHub } from './server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string', default: '0' }, token: { type: 'string', default: 'test-token' } },
});
const dir = positionals[0];
const port = Number(values.port);
if (!dir || !Number.isInteger(port) || port < 0) {
  process.stderr.write('Usage: node test/fakes/github/cli.ts <org-dir> [--port N] [--token T]\n');
  process.exit(2);
}

const org = await loadFakeOrgFromDir(dir);
const fake = await startFakeGitHub({ org, token: values.token, port });
process.stdout.write(`Fake GitHub for org ${org.login} (${org.repos.length} repos, ${org.teams.length} teams) at ${fake.url}\n`);
process.stdout.write(`  GITHUB_GRAPHQL_URL=${fake.url} GITHUB_TOKEN=${values.token}\n`);
process.on('SIGINT', () => void fake.close().then(() => process.exit(0)));
