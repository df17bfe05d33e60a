/**
 * Reading strace output: which files a process tree opened and which sockets it made, and
 * what of that Node itself does for an empty script (the allow-list is measured, not guessed).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** File opens, sockets and program starts: everything by which a process reads or reaches out. */
export const TRACED = 'network,open,openat,openat2,creat,execve,execveat,name_to_handle_at,open_by_handle_at';

export function straceAvailable(): boolean {
  return spawnSync('strace', ['-V'], { encoding: 'utf8' }).status === 0;
}

/** The wrapper for a traced run: every thread and child, one output file per process. */
export function straceWrapper(outPrefix: string): string[] {
  return ['strace', '-f', '-ff', '-qq', '-s', '512', '-e', `trace=${TRACED}`, '-o', outPrefix];
}

export interface Trace {
  /** Files opened (or tried), absolute, with the call's result. */
  readonly opens: { readonly path: string; readonly ok: boolean; readonly line: string }[];
  /** socket/socketpair/connect/bind/... calls. */
  readonly network: { readonly call: string; readonly family: string; readonly line: string }[];
  readonly execs: string[];
}

const OPEN = /^(open|openat|openat2|creat)\((?:(AT_FDCWD|\d+), )?"((?:[^"\\]|\\.)*)"/;
const NET = /^(socket|socketpair|connect|bind|listen|accept4?|sendto|sendmsg|recvfrom|recvmsg|getsockname|getpeername|setsockopt|getsockopt|shutdown)\((.*)$/;

/** Reads every trace file `<prefix>.<pid>` (and `<prefix>` itself when strace wrote one file). */
export function readTrace(prefix: string, cwd: string): Trace {
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  const files = readdirSync(dir).filter((f) => f === base || f.startsWith(`${base}.`));
  const opens: Trace['opens'][number][] = [];
  const network: Trace['network'][number][] = [];
  const execs: string[] = [];
  for (const f of files) {
    for (const raw of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const line = raw.replace(/^\d+\s+/, '');
      const o = OPEN.exec(line);
      if (o) {
        const p = o[3]!.replace(/\\(.)/g, '$1');
        opens.push({ path: path.resolve(cwd, p), ok: !/= -1 /.test(line), line });
        continue;
      }
      const n = NET.exec(line);
      if (n) {
        const family = /AF_[A-Z0-9]+/.exec(n[2]!)?.[0] ?? 'fd';
        network.push({ call: n[1]!, family, line });
        continue;
      }
      if (/^execve/.test(line)) execs.push(line);
    }
  }
  return { opens, network, execs };
}

/** A script that does what any Node program does: start, allocate (garbage collection on V8's worker threads), read a file asynchronously. */
const BASELINE_SCRIPT = 'let a = []; for (let i = 0; i < 2e6; i++) a.push({ i, s: String(i) }); require("fs").readFile("/dev/null", () => undefined);';

/**
 * Files glibc opens on its own at moments no baseline run catches reliably: the CPU list
 * (get_nprocs, when malloc makes an arena for a V8 worker thread) and the overcommit
 * setting (malloc). Seen with strace -k in the CLI's garbage collector threads.
 */
export const LIBC_FILES: readonly string[] = ['/sys/devices/system/cpu/online', '/sys/devices/system/cpu/possible', '/proc/sys/vm/overcommit_memory'];

/** What a plain Node script opens and which sockets it makes on this machine: Node's own doing. */
export function nodeBaseline(): Trace {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jfa-strace-'));
  const prefix = path.join(dir, 'baseline');
  const r = spawnSync(straceWrapper(prefix)[0]!, [...straceWrapper(prefix).slice(1), process.execPath, '-e', BASELINE_SCRIPT], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`strace node -e … failed: ${r.stderr}`);
  return readTrace(prefix, dir);
}
