import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cleanHome, describeRun, handbookCopy, HARNESS, installedServer, readmeBlock, run } from './setup';

interface Report {
  name: string;
  filetype: string;
  clients: { id: number; name: string; root_dir: string }[];
  diagnostics: { line: number; col: number; code: string | null; message: string }[];
}

interface Result {
  version: string;
  first_arrived: boolean;
  first: Report;
  completion: string[];
  second_arrived: boolean;
  second: Report;
  active_clients: string[];
}

/** The server command a Lua setup block starts: the strings of its `cmd = { … }`. */
function luaCmd(lua: string): string[] {
  const m = /\bcmd\s*=\s*\{([^}]*)\}/.exec(lua);
  assert.ok(m, 'the block sets cmd = { … }');
  return [...m[1]!.matchAll(/'([^']*)'|"([^"]*)"/g)].map((s) => s[1] ?? s[2]!);
}

describe('other editors: Neovim', function () {
  this.timeout(6 * 60_000);

  it('Neovim 0.7 (Debian\'s nvim) with the README block editor-setup: neovim-0.7 as init.lua gets the diagnostics of a page from the installed server', async () => {
    const { env: installed } = await installedServer();
    const block = readmeBlock('neovim-0.7');
    assert.equal(block.lang, 'lua');
    const version = await run('nvim', ['--version'], { timeoutMs: 10_000 });
    assert.equal(version.status, 0, 'nvim is installed (apt-get install neovim; .ci/run does it)');

    const hb = handbookCopy();
    const { home, env } = cleanHome('nvim');
    env.PATH = installed.PATH;
    mkdirSync(path.join(home, '.config', 'nvim'), { recursive: true });
    writeFileSync(path.join(home, '.config', 'nvim', 'init.lua'), block.text);
    const out = path.join(home, 'result.json');
    Object.assign(env, { JFA_WAIT_FOR: 'JF019 JF038', JFA_SECOND_PAGE: path.join(hb, 'content/job-families/marketing/content-strategist.md'), JFA_OUT: out });
    // No -u: Neovim reads $XDG_CONFIG_HOME/nvim/init.lua, the README block, as a user's would be.
    const r = await run('nvim', ['--headless', '-i', 'NONE', '-n', '-c', `luafile ${path.join(HARNESS, 'harness.lua')}`, 'content/job-families/sales/account-manager.md'], { cwd: hb, env, timeoutMs: 90_000 });
    assert.equal(r.status, 0, describeRun('nvim', r));
    const result = JSON.parse(readFileSync(out, 'utf8')) as Result;
    process.stdout.write(`      Neovim ${result.version}: ${result.first.diagnostics.map((d) => `${d.line + 1}:${d.col + 1} ${d.code ?? '-'}`).join(', ')}\n`);

    assert.equal(result.first.filetype, 'markdown');
    assert.deepEqual(result.first.clients.map((c) => [c.name, c.root_dir]), [['jobfamily', hb]], 'one jobfamily client, rooted at the folder that contains content/');
    assert.ok(result.first_arrived, `JF019 and JF038 arrived: ${JSON.stringify(result.first.diagnostics)}`);
    const grade = result.first.diagnostics.find((d) => d.code === 'JF019');
    assert.ok(grade);
    assert.deepEqual([grade.line, grade.col], [54, 38]);
    // A broken handbook link is only found with the handbook checkout as the root.
    assert.ok(result.first.diagnostics.some((d) => d.code === 'JF038' && d.message.includes('/handbook/value/')));
    assert.ok(result.completion.includes('jf-level'), `completion: ${result.completion.join(', ')}`);

    assert.ok(result.second_arrived, 'the second page got diagnostics');
    assert.deepEqual(result.second.clients.map((c) => c.id), result.first.clients.map((c) => c.id), 'the second page joins the same server');
    assert.ok(result.second.diagnostics.every((d) => /^JF\d{3}$/.test(d.code ?? '')), JSON.stringify(result.second.diagnostics));
    assert.deepEqual(result.active_clients, ['jobfamily']);
  });

  it('the README block editor-setup: neovim-0.8 is only syntax-checked (Debian 12 has no Neovim 0.8 to run it): it compiles with Neovim\'s LuaJIT and starts the installed command', async () => {
    const { prefix } = await installedServer();
    const block = readmeBlock('neovim-0.8');
    assert.equal(block.lang, 'lua');
    const { home, env } = cleanHome('nvim-syntax');
    const file = path.join(home, 'neovim-0.8.lua');
    writeFileSync(file, block.text);
    env.JFA_LUA = file;
    // loadfile compiles the chunk without running it.
    const check = "local f, err = loadfile(os.getenv('JFA_LUA')) if f then vim.cmd('qall!') else io.stderr:write(err .. '\\n') vim.cmd('cquit 3') end";
    const r = await run('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `lua ${check}`], { env, timeoutMs: 30_000 });
    assert.equal(r.status, 0, describeRun(`README.md line ${block.line}: the Lua does not compile`, r));
    const [command, ...args] = luaCmd(block.text);
    assert.ok(command && existsSync(path.join(prefix, 'bin', command)), `${command} is a command the install put on the PATH`);
    assert.deepEqual(args, ['--stdio']);
    assert.match(block.text, /vim\.lsp\.start\(/);
  });
});
