#!/usr/bin/env node
/**
 * The package's command: `npx cdktf-order-platform <command>` (or `order-platform <command>` once installed).
 * Subcommands live in a table so later ones (reports, runbooks) slot in beside `init`.
 */
import { relative } from 'path';
import { check } from './check';
import { diff } from './diff';
import { diagram, drills, report, runbook, simulate } from './insight';
import { INIT_USAGE, parseInitArgs, UsageError, writeStarter } from './init';
import { libraryManifest } from './starter';

/** A subcommand: a one-line summary and what it does (its exit code; nothing is 0). */
const COMMANDS: { readonly [name: string]: { readonly summary: string; readonly run: (args: string[]) => number | void } } = {
  init: {
    summary: 'write a ready cdktf project for one of the five redundancy patterns',
    run: (args) => {
      const request = parseInitArgs(args, process.cwd());
      if (request === 'help') {
        console.log(INIT_USAGE);
        return;
      }
      const written = writeStarter(request);
      const dir = relative(process.cwd(), request.dir);
      console.log(`order-platform init: wrote ${written.join(', ')} in ${request.dir}
  pattern ${request.starter.pattern}, regions ${request.starter.regions.join(', ')}, prefix ${request.starter.prefix}
Next:${dir ? `\n  cd ${dir}` : ''}
  npm install
  npx cdktf synth
  npm test`);
    },
  },
  check: {
    summary: 'check a synthesized cdktf.out folder against the rule pack (exit 1 on error findings)',
    run: (args) => check(args, process.cwd()),
  },
  diff: {
    summary: 'preview what applying one cdktf.out over another replaces or destroys (exit 1 on harmful changes)',
    run: (args) => diff(args, process.cwd()),
  },
  report: {
    summary: 'print the availability report (composite SLAs, RTO/RPO per outage, failback) of a cdktf.out folder',
    run: (args) => report(args, process.cwd()),
  },
  diagram: {
    summary: 'print the platform diagram of a cdktf.out folder as SVG or Mermaid',
    run: (args) => diagram(args, process.cwd()),
  },
  runbook: {
    summary: 'print the failover runbook (Azure CLI commands for the synthesized names) of a cdktf.out folder',
    run: (args) => runbook(args, process.cwd()),
  },
  simulate: {
    summary: 'simulate the loss of a region (--region) or a zone (--zone) on a cdktf.out folder',
    run: (args) => simulate(args, process.cwd()),
  },
  drills: {
    summary: 'print the failover drills (Chaos Studio experiments) of a cdktf.out folder and what each must show',
    run: (args) => drills(args, process.cwd()),
  },
};

function usage(): string {
  return `Usage: order-platform <command> [options]   (cdktf-order-platform ${libraryManifest().version})

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`).join('\n')}

order-platform <command> --help describes a command.`;
}

function main(argv: string[]): number {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(usage());
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    console.log(libraryManifest().version);
    return 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    console.error(`order-platform: unknown command '${command}'\n\n${usage()}`);
    return 2;
  }
  try {
    return entry.run(args) ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`order-platform ${command}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
