/** Jest: swc transform (no type-checking here; `npm test` runs tsc separately), plain node environment. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // cdktf captures a full stack trace for every token it creates; stubbing it makes synth several times faster
  // with byte-identical output (hashicorp/terraform-cdk#3892).
  setupFiles: ['<rootDir>/__tests__/support/stub-stack-trace.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
