import { disableTokenStackTraces } from '../../lib/core/stack-trace';

// Jest setup file: every test file synthesizes, and token stack traces only slow that down.
disableTokenStackTraces();
