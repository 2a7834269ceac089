import { disableTokenStackTraces } from '../../lib/core/stack-trace';

/** Unit test of lib/core/stack-trace.ts: cdktf's per-token stack capture is switched off. */

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the private cdktf module the function patches
const stackTrace = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: () => string[] };

test('tokens created afterwards capture no stack trace', () => {
  const stub = stackTrace.captureStackTrace;
  try {
    stackTrace.captureStackTrace = () => ['at somewhere'];
    disableTokenStackTraces();
    expect(stackTrace.captureStackTrace()).toEqual([]);
  } finally {
    stackTrace.captureStackTrace = stub;
  }
});
