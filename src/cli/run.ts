import { Command, CommanderError, Option } from 'commander';
import { ToolError, describeThrown } from '../errors.js';
import { runCheck, type CheckFlags } from './commands/check.js';
import { runOrder, type OrderFlags } from './commands/order.js';
import { runExplain, runRules } from './commands/rules.js';
import { runGraph } from './commands/graph.js';
import { runSchema } from './commands/schema.js';
import { runInit } from './commands/init.js';
import { runPolicyBuild, runPolicyTest } from './commands/policy.js';
import type { CliIO } from './io.js';
import { VERSION } from './version.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * Parse argv and run one command. Returns the exit code: 0 or 1 from the command, 2 when the tool
 * could not do its job (usage, config, policy or internal error). Never throws, never exits.
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const program = new Command('rollgate')
    .description('Policy-as-code gate for coordinated rollouts')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError();

  program
    .command('check')
    .description('lint rollout plans, services and change calendars')
    .argument('[paths...]', 'files and folders (recursive *.yaml, *.yml); - reads stdin', [])
    .option('-f, --format <name[=file]>', 'text, json, sarif, junit, github, markdown or html; repeatable; =FILE writes there', collect, [])
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails (exit 1): error, warning, note, none (default: error)'))
    .option('--now <instant>', 'evaluation time for time-based rules (RFC 3339 with offset)')
    .option('-c, --config <file>', 'config file (default: .rollgate.yaml found walking up from the current folder)')
    .option('-p, --policy <path>', 'extra policy: .wasm from `policy build`, bundle folder, or Rego folder; repeatable', collect, [])
    .option('--param <name=value>', 'override a rule parameter; repeatable', collect, [])
    .option('--no-waivers', 'ignore the waivers of the config file')
    .option('--print-config', 'print the effective configuration and where each value came from, then exit')
    .option('-q, --quiet', 'report errors only')
    .option('--no-color', 'never colour the text output')
    .action(async (paths: string[], flags: CheckFlags) => {
      exitCode = await runCheck(paths, flags, io);
    });

  program
    .command('rules')
    .description('list every rule')
    .option('--format <format>', 'text or json', 'text')
    .action(async (flags: { format: string }) => {
      exitCode = await runRules(flags.format, io);
    });

  program
    .command('explain')
    .description("a rule's documentation with a failing and a passing example")
    .argument('<rule>', 'rule id, e.g. readiness/missing-approval')
    .action(async (rule: string) => {
      exitCode = await runExplain(rule, io);
    });

  program
    .command('graph')
    .description('print the service dependency graph')
    .argument('[paths...]', 'files and folders (recursive *.yaml, *.yml); - reads stdin', [])
    .option('--format <format>', 'mermaid, dot or json', 'mermaid')
    .action(async (paths: string[], flags: { format: string }) => {
      exitCode = await runGraph(paths, flags.format, io);
    });

  program
    .command('order')
    .description("the plan's steps as parallel waves, the rollback order, and (--suggest) an order that keeps every contract")
    .argument('<plan>', 'name of a RolloutPlan')
    .argument('[paths...]', 'files and folders (recursive *.yaml, *.yml); - reads stdin', [])
    .option('--format <format>', 'text or json', 'text')
    .option('--suggest', 'suggest an order of the steps that satisfies every contract (exit 1 if none does)')
    .action(async (plan: string, paths: string[], flags: OrderFlags) => {
      exitCode = await runOrder(plan, paths, flags, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of a kind (Service, ChangeCalendar, RolloutPlan)')
    .argument('[kind]')
    .action((kind: string | undefined) => {
      exitCode = runSchema(kind, io);
    });

  program
    .command('init')
    .description('write a starter .rollgate.yaml, a Service, a ChangeCalendar and a RolloutPlan into an empty folder')
    .argument('[dir]', 'folder to write into', '.')
    .option('--force', 'write even if the folder is not empty (never overwrites existing files)')
    .action(async (dir: string, flags: { force?: boolean }) => {
      exitCode = await runInit(dir, Boolean(flags.force), io);
    });

  const policy = program.command('policy').description('build and test organisation rules (needs opa)');
  policy
    .command('build')
    .description('compile a folder of Rego rules into one policy file for check --policy')
    .argument('<dir>')
    .option('-o, --output <file>', 'the .wasm file to write')
    .action(async (dir: string, flags: { output?: string }) => {
      exitCode = await runPolicyBuild(dir, flags.output, io);
    });
  policy
    .command('test')
    .description("run a policy folder's opa tests and its fixtures through the compiled WASM")
    .argument('<dir>')
    .action(async (dir: string) => {
      exitCode = await runPolicyTest(dir, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed by commander.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof ToolError) {
      io.stderr(`rollgate: ${err.message}\n`);
      return 2;
    }
    io.stderr(`rollgate: internal error: ${describeThrown(err)}\n`);
    if (io.env.ROLLGATE_DEBUG) io.stderr(`${err instanceof Error ? err.stack : ''}\n`);
    return 2;
  }
}
