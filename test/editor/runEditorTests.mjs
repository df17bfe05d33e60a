// Runs the extension's tests in a real VS Code: @vscode/test-electron's runTests with our
// launcher for code-server + Chromium as the "executable". Writes the results to
// test-results/editor.json for the test summary.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './codeServer.mjs';

export async function runEditorTests() {
  const results = path.join(ROOT, 'test-results', 'editor.json');
  mkdirSync(path.dirname(results), { recursive: true });
  rmSync(results, { force: true });
  // The tests edit and create pages: they get a copy of the example handbook.
  const handbook = mkdtempSync(path.join(os.tmpdir(), 'jfa-e2e-handbook-'));
  cpSync(path.join(ROOT, 'examples', 'handbook'), handbook, { recursive: true });
  // One real handbook page from the corpus, to see its real defects in the editor.
  const corpus = path.resolve(ROOT, process.env.JOBFAMILY_CORPUS ?? path.join('..', 'shared', 'corpus'));
  const real = path.join(corpus, 'job-families', 'sales', 'deal-desk.md');
  if (existsSync(real)) cpSync(real, path.join(handbook, 'content', 'job-families', 'sales', 'deal-desk.md'));
  let error;
  try {
    await runTests({
      vscodeExecutablePath: path.join(ROOT, 'test', 'editor', 'launcher.mjs'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'e2e', 'index'),
      launchArgs: [handbook],
      extensionTestsEnv: { JFA_RESULTS_FILE: results, JFA_HANDBOOK: handbook },
    });
  } catch (e) {
    error = e;
  }
  if (!existsSync(results)) {
    return { passed: [], failed: [{ title: 'editor tests ran in VS Code', error: `no results were written${error ? `: ${error.message ?? error}` : ''}` }] };
  }
  return JSON.parse(readFileSync(results, 'utf8'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runEditorTests();
  console.log(`${r.passed.length} passed, ${r.failed.length} failed`);
  for (const f of r.failed) console.log(`FAILED ${f.title}\n${f.error}`);
  process.exit(r.failed.length ? 1 : 0);
}
