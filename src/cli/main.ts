/**
 * The `credential-hygiene` command: parses the sub-command and hands over to it. Returns the exit
 * code (0 clean, 1 findings, 2 usage, config or fatal error) instead of calling `process.exit`.
 */
import { packageInfo } from '../package-info.js';
import { describeArgument } from './arguments.js';

export interface Output {
  write(chunk: string): unknown;
}

export interface CliIo {
  readonly stdout: Output;
  readonly stderr: Output;
  /** The working directory; `process.cwd()` when absent (tests run commands in-process on fixtures). */
  readonly cwd?: string;
}

export const USAGE = `Usage: credential-hygiene <command> [options]

Keeps credentials out of OAuth 2 / OpenID Connect integration code.

Commands:
  scan [paths...]   Scan files for hard-coded credentials, wrong flows and unsafe secret sourcing
  fix [paths...]    Move hard-coded secrets into environment variables
  merge-sarif OUT IN...  Join the SARIF reports of sharded scans into one

Options:
  --help            Show this help
  --version         Show the version

Run 'credential-hygiene <command> --help' for the options of a command.
`;

export type CommandHandler = (argv: string[], io: CliIo) => Promise<number>;

/**
 * Sub-commands register here as they land. Each is loaded on use, so a command loads only its own
 * modules: `scan` never loads the fix planner, `--help` neither ESLint nor TypeScript.
 */
export const commands = new Map<string, CommandHandler>([
  ['scan', async (argv, io) => (await import('./scan-command.js')).scanCommand(argv, io)],
  ['merge-sarif', async (argv, io) => (await import('./merge-sarif.js')).mergeSarifCommand(argv, io)],
  ['fix', async (argv, io) => (await import('./fix-command.js')).fixCommand(argv, io)],
]);

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${packageInfo.version}\n`);
    return 0;
  }
  const handler = commands.get(command);
  if (!handler) {
    io.stderr.write(`credential-hygiene: unknown command '${describeArgument(command)}'\n\n${USAGE}`);
    return 2;
  }
  return handler(rest, io);
}
