/**
 * Turns off cdktf's per-token stack-trace capture for this process.
 *
 * cdktf records a full JavaScript stack trace (with `Error.stackTraceLimit` raised to the maximum) for every
 * token it creates, only to decorate error messages; a platform synth creates thousands of tokens, so the
 * capture dominates synth time (hashicorp/terraform-cdk#3892). The synthesized Terraform JSON is byte-identical
 * with or without it. Call it once, before building the app, in the program `cdktf.json` runs; leave it out
 * when you need token creation stacks to debug a synth error.
 */
export function disableTokenStackTraces(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- patching a private cdktf module on purpose
  const stackTrace = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: () => string[] };
  stackTrace.captureStackTrace = () => [];
}
