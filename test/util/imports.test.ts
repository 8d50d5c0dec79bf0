import { parseForESLint } from '@typescript-eslint/parser';
import { analyze } from '@typescript-eslint/scope-manager';
import { simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { resolveImportedName } from '../../src/util/imports.js';

/** Resolves the callee or `new` target of the last call in `code`. */
function resolveLastCallee(code: string) {
  const { ast, scopeManager } = parseForESLint(code, { sourceType: 'module', range: true, loc: true });
  const manager = scopeManager ?? analyze(ast, { sourceType: 'module' });
  let last: TSESTree.CallExpression | TSESTree.NewExpression | undefined;
  simpleTraverse(ast, {
    enter(node) {
      if (node.type === 'CallExpression' || node.type === 'NewExpression') {
        if (!(node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require')) last = node;
      }
    },
  }, true);
  if (!last) throw new Error('no call');
  let scope = manager.acquire(ast, true) ?? manager.globalScope!;
  for (let node: TSESTree.Node | undefined = last; node; node = node.parent) {
    const acquired = manager.acquire(node, true);
    if (acquired) {
      scope = acquired;
      break;
    }
  }
  return resolveImportedName(last.callee, scope);
}

describe('resolveImportedName', () => {
  it.each([
    ["import * as client from 'openid-client'; client.discovery(url, id, secret);", 'openid-client', ['discovery']],
    ["import { discovery } from 'openid-client'; discovery(url, id, secret);", 'openid-client', ['discovery']],
    ["import { discovery as find } from 'openid-client'; find(url, id, secret);", 'openid-client', ['discovery']],
    ["import { ClientSecretCredential } from '@azure/identity'; new ClientSecretCredential(t, c, s);", '@azure/identity', ['ClientSecretCredential']],
    ["import { google } from 'googleapis'; new google.auth.OAuth2(id, secret);", 'googleapis', ['google', 'auth', 'OAuth2']],
    ["import axios from 'axios'; axios.post(url, body);", 'axios', ['post']],
    ["const { ClientCredentials } = require('simple-oauth2'); new ClientCredentials(config);", 'simple-oauth2', ['ClientCredentials']],
    ["const oauth2 = require('simple-oauth2'); new oauth2.ClientCredentials(config);", 'simple-oauth2', ['ClientCredentials']],
    ["new (require('simple-oauth2').ClientCredentials)(config);", 'simple-oauth2', ['ClientCredentials']],
    ["const { auth: { OAuth2 } } = require('googleapis').google; new OAuth2(id, secret);", 'googleapis', ['google', 'auth', 'OAuth2']],
    ["import https from 'node:https'; new https.Agent({});", 'node:https', ['Agent']],
    ["async function f() { const client = await import('openid-client'); client.discovery(u, i, s); }", 'openid-client', ['discovery']],
  ])('resolves %s', (code, module, path) => {
    expect(resolveLastCallee(code)).toEqual({ module, path });
  });

  it.each([
    'function discovery(a, b, c) {} discovery(url, id, secret);',
    "import * as client from 'openid-client'; function f(client) { client.discovery(u, i, s); }",
    "let lib = require('openid-client'); lib = other; lib.discovery(u, i, s);",
  ])('does not take a local name for an import: %s', (code) => {
    expect(resolveLastCallee(code)).toBeUndefined();
  });
});
