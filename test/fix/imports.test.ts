import { describe, expect, it } from 'vitest';
import { applyEdits, parseSource, planHelperImport, type ModuleStyle } from '../../src/fix/apply/index.js';

const esm: ModuleStyle = { syntax: 'esm', extensions: true, typescript: true };
const cjs: ModuleStyle = { syntax: 'commonjs', extensions: true, typescript: false };

function withImport(path: string, text: string, style: ModuleStyle, specifier = './require-env.js'): string {
  const plan = planHelperImport(parseSource(path, text), 'requireEnv', specifier, style);
  if ('clash' in plan) return `CLASH: ${plan.clash}`;
  return plan.edit ? applyEdits(text, [plan.edit]) : text;
}

describe('planHelperImport', () => {
  it('adds the import after the last import, keeping a trailing comment on its line', () => {
    expect(withImport('a.ts', "import a from 'a'; // why a\nimport { b } from './b.js';\n\nconst x = 1;\n", esm)).toBe(
      "import a from 'a'; // why a\nimport { b } from './b.js';\nimport { requireEnv } from './require-env.js';\n\nconst x = 1;\n",
    );
  });

  it('adds a require after the leading requires of a CommonJS file, below the directive', () => {
    expect(withImport('a.js', "'use strict';\nconst fs = require('node:fs');\n\nmodule.exports = {};\n", cjs)).toBe(
      "'use strict';\nconst fs = require('node:fs');\nconst { requireEnv } = require('./require-env.js');\n\nmodule.exports = {};\n",
    );
    expect(withImport('a.js', "'use strict';\n\nmodule.exports = {};\n", cjs)).toBe("'use strict';\n\nconst { requireEnv } = require('./require-env.js');\n\nmodule.exports = {};\n");
  });

  it('puts the import below a file header comment and a shebang', () => {
    expect(withImport('a.ts', '#!/usr/bin/env node\n/* Licence header. */\n\n// Does things.\nconst x = 1;\n', esm)).toBe(
      "#!/usr/bin/env node\n/* Licence header. */\n\nimport { requireEnv } from './require-env.js';\n\n// Does things.\nconst x = 1;\n",
    );
    expect(withImport('a.ts', '// Does things.\nconst x = 1;\n', esm)).toBe("import { requireEnv } from './require-env.js';\n\n// Does things.\nconst x = 1;\n");
  });

  it('keeps CRLF line endings and a byte-order mark first', () => {
    expect(withImport('a.ts', "import a from 'a';\r\nconst x = 1;\r\n", esm)).toBe("import a from 'a';\r\nimport { requireEnv } from './require-env.js';\r\nconst x = 1;\r\n");
    expect(withImport('a.ts', '\uFEFFconst x = 1;\n', esm)).toBe("\uFEFFimport { requireEnv } from './require-env.js';\n\nconst x = 1;\n");
  });

  it('does nothing when the helper is already imported, and reports a clash with another binding', () => {
    const already = "import { requireEnv } from './require-env.js';\nconst x = requireEnv('A');\n";
    expect(withImport('a.ts', already, esm)).toBe(already);
    expect(withImport('a.ts', "import { requireEnv } from './env.js';\n", esm)).toBe("import { requireEnv } from './env.js';\n");
    expect(withImport('a.ts', "function requireEnv(n: string) { return n; }\n", esm)).toMatch(/^CLASH: The file already declares `requireEnv`/u);
    expect(withImport('a.ts', "import { getEnv as requireEnv } from './env.js';\n", esm)).toMatch(/^CLASH/u);
  });
});
