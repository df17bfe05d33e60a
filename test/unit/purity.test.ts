import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../support/paths';

describe('the language service is pure', () => {
  it('bundles for a browser worker with no Node built-ins', async () => {
    const result = await build({
      entryPoints: [path.join(ROOT, 'server', 'src', 'service', 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    assert.deepEqual(result.errors, []);
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(!inputs.some((i) => i.startsWith('node:') || /vscode-languageserver\/|\/vscode\//.test(i)), inputs.join('\n'));
  });
});
