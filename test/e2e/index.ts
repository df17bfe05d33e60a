import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Entry point VS Code calls in the extension host (`--extensionTestsPath`). */
export async function run(): Promise<void> {
  // Output reaches the test console through the browser's console: one preformatted line
  // per message, marked so the launcher can pick it out of the workbench's own logging.
  const say = (line: string): void => console.log(`JFA| ${line}`);
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false });
  mocha.reporter(class extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      runner.on('suite', (s) => s.title && say(s.title));
      runner.on('pass', (t) => say(`  ✔ ${t.title} (${t.duration ?? 0} ms)`));
      runner.on('fail', (t, err: Error) => say(`  ✘ ${t.title}\n${(err.stack ?? err.message).split('\n').map((l) => `      ${l}`).join('\n')}`));
    }
  });
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.e2e.js')).sort()) mocha.addFile(path.join(__dirname, f));
  const passed: string[] = [];
  const failed: { title: string; error: string }[] = [];
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.JFA_RESULTS_FILE;
      if (file) fs.writeFileSync(file, JSON.stringify({ passed, failed }, null, 2));
      say(`editor tests: ${passed.length} passed, ${failed.length} failed`);
      if (failures) reject(new Error(`${failures} editor test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => passed.push(t.fullTitle()));
    runner.on('fail', (t, err: Error) => failed.push({ title: t.fullTitle(), error: err.stack ?? err.message }));
  });
}
