/**
 * The ready-made CI jobs and hook definitions run exactly the commands they show: every
 * `credential-hygiene` command line in them is taken from the file, its CI variables filled in, and
 * run through the real CLI on a git repository shaped like a pull request. Exit code 2 (usage or
 * configuration error) would mean a broken recipe.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createTempRepo, type TempRepo } from './helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** `credential-hygiene …` command lines outside comments, up to a redirect or `||`. */
function commandsIn(text: string): string[] {
  const code = text
    .split('\n')
    .filter((line) => !/^\s*#/u.test(line))
    .join('\n');
  return [...code.matchAll(/(?:npx (?:--no-install )?)?credential-hygiene ((?:scan|merge-sarif)[^\n|>`]*)/gu)].map((match) => match[1]!.trim());
}

/** The commands in a Markdown file's fenced code blocks. */
function commandsInCodeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gmu)].flatMap((match) => commandsIn(match[1]!));
}

const VARIABLES: Record<string, string> = {
  '"origin/$BASE_REF"': 'origin/main',
  '"origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"': 'origin/main',
  '${{ matrix.shard }}': '2',
  '"$@"': '',
  'shards/*.sarif': 'shard-2.sarif',
};

function argv(command: string): string[] {
  let filled = command;
  for (const [name, value] of Object.entries(VARIABLES)) filled = filled.split(name).join(value);
  return filled.split(/\s+/u).filter(Boolean);
}

describe('CI examples and hook definitions', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = createTempRepo('ch-examples-');
    repo.write('src/pos.ts', "export const pos = { clientSecret: process.env.POS_CLIENT_SECRET };\n");
    repo.git('add', '.');
    repo.git('commit', '-qm', 'base');
    repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    repo.git('checkout', '-qb', 'feature');
    repo.write('src/erp.ts', "export const erp = { clientSecret: process.env.ERP_CLIENT_SECRET };\n");
    repo.git('add', '.');
    repo.git('commit', '-qm', 'feature');
  });
  afterAll(() => repo.remove());

  async function runAll(commands: string[]) {
    const codes: [string, number][] = [];
    for (const command of commands) {
      const err: string[] = [];
      const code = await main(argv(command), { stdout: { write: () => true }, stderr: { write: (chunk: string) => err.push(chunk) }, cwd: repo.dir });
      if (command.includes('--format sarif')) {
        // Keep the report for the merge step, as the workflow's redirect does.
        const out: string[] = [];
        await main([...argv(command), '--output', 'shard-2.sarif'], { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: () => true }, cwd: repo.dir });
      }
      codes.push([`${command}: ${err.join('').trim()}`, code]);
    }
    return codes;
  }

  it('the GitHub Actions workflow: pull-request gate, sharded SARIF scan, merge, upload', async () => {
    const workflow = read('examples/ci/github-actions.yml');
    const commands = commandsIn(workflow);
    expect(commands).toEqual(['scan --diff "origin/$BASE_REF" --format github', 'scan --shard ${{ matrix.shard }}/3 --format sarif', 'merge-sarif credential-hygiene.sarif shards/*.sarif']);
    // merge-sarif writes relative to the process cwd; run it in the repository.
    const results = await runAll(commands.slice(0, 2));
    expect(results.map(([, code]) => code)).toEqual([0, 0]);
    const [command, out, ...inputs] = argv(commands[2]!);
    const merged = await main([command!, join(repo.dir, out!), ...inputs.map((input) => join(repo.dir, input))], { stdout: { write: () => true }, stderr: { write: () => true } });
    expect(merged).toBe(0);
    expect(JSON.parse(readFileSync(join(repo.dir, 'credential-hygiene.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'credential-hygiene' } } }] });
    expect(workflow).toMatch(/uses: github\/codeql-action\/upload-sarif@v\d+\n\s+with:\n\s+sarif_file: credential-hygiene\.sarif/u);
    expect(workflow).toContain('security-events: write');
    expect(workflow).toContain('fetch-depth: 0');
  });

  it('the GitLab CI job', async () => {
    const job = read('examples/ci/gitlab-ci.yml');
    const commands = commandsIn(job);
    expect(commands).toEqual(['scan "$@" --format sarif', 'scan "$@"']);
    expect((await runAll(commands)).map(([, code]) => code)).toEqual([0, 0]);
    expect(job).toContain('GIT_DEPTH: 0');
  });

  it('the pre-commit framework hook and the documented hook recipes', async () => {
    const hooks = read('.pre-commit-hooks.yaml');
    expect(hooks).toMatch(/^- id: credential-hygiene$/mu);
    expect(hooks).toMatch(/^ {2}language: node$/mu);
    expect(hooks).toMatch(/^ {2}pass_filenames: false$/mu);
    const commands = [...commandsIn(hooks), ...commandsInCodeBlocks(read('docs/pre-commit.md')), ...commandsInCodeBlocks(read('docs/ci.md'))];
    expect(commands).toContain('scan --staged');
    expect(commands.length).toBeGreaterThanOrEqual(6);
    const failures = (await runAll(commands.filter((command) => !command.startsWith('merge-sarif')))).filter(([, code]) => code === 2);
    expect(failures).toEqual([]);
  });
});
