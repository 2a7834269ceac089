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
  // Every example synthesized once per run, unmodified, for every test file (`exampleStacks(id)` reads them).
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.ts',
  moduleFileExtensions: ['ts', 'js', 'json'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
  // `npm test` runs with --coverage: the library's sources only, and the run fails below these floors.
  collectCoverageFrom: ['<rootDir>/lib/**/*.ts'],
  coverageThreshold: { global: { lines: 95, branches: 90 } },
  coverageReporters: ['text-summary'],
  coverageDirectory: '<rootDir>/coverage',
  // A worker keeps every construct tree its test files built until it exits: one past this after a file is replaced,
  // so a long run (the suite again under CDK Terrain) cannot reach Node's heap limit.
  workerIdleMemoryLimit: '1536MB',
};
