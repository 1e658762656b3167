// Benchmarks run their TypeScript as jest does (SWC to CommonJS, legacy decorators with metadata, which NestJS's
// dependency injection needs and esbuild-based runners such as tsx do not emit), without a build step:
//   node -r ./test/bench/support/register.cjs test/bench/<name>.ts
// NestJS's own ES modules load through Node's require(esm) (Node 20.19+), untransformed.
'use strict';
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '..', '..', '..');
const aliases = {
  '@portal/domain': join(root, 'libs/domain/src/index.ts'),
  '@portal/contracts': join(root, 'libs/contracts/src/index.ts'),
  '@portal/server': join(root, 'libs/server/src/index.ts'),
  '@portal/migrations': join(root, 'migrations/index.ts'),
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, aliases[request] ?? request, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: false },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
