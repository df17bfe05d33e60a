#!/usr/bin/env node
import { run } from './cli/main';

declare const JOBFAMILY_VERSION: string | undefined;
const VERSION = typeof JOBFAMILY_VERSION === 'string' ? JOBFAMILY_VERSION : 'development';

// Piped into `head` or a closed pager: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

void run(process.argv.slice(2), {
  cwd: process.cwd(),
  version: VERSION,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin,
}).then((code) => {
  process.exitCode = code;
});
