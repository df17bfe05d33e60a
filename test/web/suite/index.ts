import 'mocha/mocha.js';

// The entry VS Code for the web calls in its extension host (`--extensionTestsPath`). The
// tests are bundled into one script with mocha's browser build; each result is printed as a
// marked console line, which test-web passes on to its output, and the runner counts them.
const say = (line: string): void => console.log(`JFA| ${line}`);

// Loaded for their `describe` calls once mocha has set up its globals (bundled by esbuild).
const files = (): Promise<unknown[]> => Promise.all([import('./diagnostics.web.js'), import('./authoring.web.js'), import('./workspace.web.js')]);

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: undefined, color: false, timeout: 60_000 });
  mocha.reporter(function (this: unknown, runner: Mocha.Runner) {
    const passed: string[] = [];
    const failed: { title: string; error: string }[] = [];
    runner.on('suite', (s) => s.title && say(s.title));
    runner.on('pass', (t) => {
      passed.push(t.fullTitle());
      say(`  ✔ ${t.title} (${t.duration ?? 0} ms)`);
    });
    runner.on('fail', (t, err: Error) => {
      failed.push({ title: t.fullTitle(), error: err.stack ?? err.message });
      say(`  ✘ ${t.title}\n${(err.stack ?? err.message).split('\n').map((l) => `      ${l}`).join('\n')}`);
    });
    runner.on('end', () => say(`RESULTS ${JSON.stringify({ passed, failed })}`));
  } as unknown as Mocha.ReporterConstructor);
  await files();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} web test(s) failed`)) : resolve()));
  });
}
