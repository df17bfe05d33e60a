import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copyOfExamples } from '../support/lspClient';
import { ROOT } from '../support/paths';

describe('Neovim as a second LSP client', function () {
  this.timeout(60_000);

  it('attaches the stdio server to a page and receives its diagnostics', () => {
    const which = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(which.status, 0, 'nvim is installed (apt-get install neovim; .ci/run does it)');
    const hb = copyOfExamples();
    const home = mkdtempSync(path.join(os.tmpdir(), 'jfa-nvim-'));
    const out = path.join(home, 'result.json');
    const page = path.join(hb, 'content/job-families/sales/account-manager.md');
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'test', 'neovim', 'check.lua')}`, page], {
      encoding: 'utf8',
      timeout: 45_000,
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, 'config'),
        XDG_DATA_HOME: path.join(home, 'data'),
        XDG_STATE_HOME: path.join(home, 'state'),
        XDG_CACHE_HOME: path.join(home, 'cache'),
        JFA_SERVER: path.join(ROOT, 'dist', 'server.js'),
        JFA_ROOT: hb,
        JFA_NVIM_OUT: out,
      },
    });
    assert.equal(r.status, 0, `nvim failed: ${r.stderr}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { attached: boolean; diagnostics: { line: number; col: number; code: string; message: string }[]; completion: string[] };
    assert.ok(result.attached, 'diagnostics arrived');
    const grade = result.diagnostics.find((d) => d.code === 'JF019');
    assert.ok(grade, JSON.stringify(result.diagnostics.map((d) => d.code)));
    assert.equal(grade.line, 54);
    assert.equal(grade.col, 38);
    assert.ok(result.completion.includes('jf-level'), `completion from Neovim: ${result.completion.join(', ')}`);
  });
});
