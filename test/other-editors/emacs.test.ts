import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cleanHome, describeRun, handbookCopy, HARNESS, installedServer, readmeBlock, run } from './setup';

describe('other editors: Emacs with eglot', function () {
  this.timeout(6 * 60_000);

  it('Emacs (Debian\'s emacs-nox, elpa-eglot, elpa-markdown-mode) with the README block editor-setup: emacs-eglot as init.el gets the diagnostics of a page through flymake', async () => {
    const { env: installed } = await installedServer();
    const block = readmeBlock('emacs-eglot');
    assert.equal(block.lang, 'elisp');
    const version = await run('emacs', ['--version'], { timeoutMs: 10_000 });
    assert.equal(version.status, 0, 'emacs is installed (apt-get install emacs-nox elpa-eglot elpa-markdown-mode; .ci/run does it)');

    const hb = handbookCopy();
    const { home, env } = cleanHome('emacs');
    env.PATH = installed.PATH;
    env.JFA_WAIT_FOR = 'JF019 JF038';
    mkdirSync(path.join(home, '.emacs.d'), { recursive: true });
    writeFileSync(path.join(home, '.emacs.d', 'init.el'), block.text);
    const r = await run('emacs', ['--batch', '-l', path.join(HARNESS, 'harness.el'), 'content/job-families/sales/account-manager.md'], { cwd: hb, env, timeoutMs: 90_000 });
    assert.equal(r.status, 0, describeRun('emacs --batch', r));
    process.stdout.write(`      ${version.stdout.split('\n')[0]}:\n${r.stdout.replace(/^/gm, '        ')}\n`);

    assert.match(r.stdout, /^MODE markdown-mode$/m);
    const root = /^ROOT (.*)$/m.exec(r.stdout)?.[1];
    assert.equal(root && path.resolve(root), hb, `eglot's project is the folder that contains content/\n${r.stderr}`);
    const diags = [...r.stdout.matchAll(/^DIAG (\d+) (\d+) (\S+) (.*)$/gm)].map((m) => ({ line: Number(m[1]), col: Number(m[2]), code: m[3]!, text: m[4]! }));
    assert.ok(diags.length > 0, `flymake has diagnostics\n${r.stdout}\n${r.stderr}`);
    assert.ok(diags.every((d) => /^JF\d{3}$/.test(d.code)), JSON.stringify(diags));
    const grade = diags.find((d) => d.code === 'JF019');
    assert.ok(grade, JSON.stringify(diags));
    assert.deepEqual([grade.line, grade.col], [55, 38]);
    assert.match(grade.text, /Grade 13 does not exist/);
    // A broken handbook link is only found with the handbook checkout as the root.
    assert.ok(diags.some((d) => d.code === 'JF038' && d.text.includes('/handbook/value/')), JSON.stringify(diags));
  });
});
