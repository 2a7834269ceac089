/**
 * Preloaded (`node --require`) into every benchmarked process: writes the process's peak resident set size, in
 * kilobytes, to the file named by BENCH_RSS_FILE when the process exits.
 */
import { writeFileSync } from 'fs';

const target = process.env.BENCH_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
