import { describe, expect, it } from 'vitest';
import { detectConfigFormat, findConfigFileSecrets, readConfigEntries } from '../../src/detectors/config-files.js';

// Fake credentials, assembled so that no whole secret sits in the source.
const SECRET = ['Zq8vL2mNx4Rt', '7YpKw1Bs9DfH3JcA0eUg'].join('');
const GOOGLE_SECRET = ['GOCSPX-', 'Xb4k9QmZ2rT7wLp', '0sVn5HcYdJ8eQ'].join('');
const ACUMATICA_ID = ['5f1a6f8e-1111-4a2b-', '9c3d-123456789abc@Company'].join('');

/** Findings as `{ kind, key, text, value }` where `text` is what the range covers. */
function find(filePath: string, text: string): { kind: string; key: string; text: string; value: string }[] {
  return findConfigFileSecrets(text, { filePath }).map((finding) => ({
    kind: finding.kind,
    key: finding.key,
    text: text.slice(finding.range[0], finding.range[1]),
    value: finding.classification.kind,
  }));
}

describe('findConfigFileSecrets', () => {
  it('finds credentials.secret in keycloak.json, with comments and trailing commas', () => {
    const text = `{\n  "realm": "pos",\n  "resource": "pos-sync",\n  // confidential client\n  "credentials": { "secret": "${SECRET}" },\n}`;
    expect(find('config/keycloak.json', text)).toEqual([{ kind: 'client-secret', key: 'credentials.secret', text: SECRET, value: 'credential' }]);
  });

  it('accepts the keycloak env reference and empty values', () => {
    expect(find('keycloak.json', '{"credentials": {"secret": "${env.KEYCLOAK_SECRET}"}}')).toEqual([]);
    expect(find('keycloak.json', '{"credentials": {"secret": ""}}')).toEqual([]);
    expect(find('keycloak.json', '{"credentials": {"secret": "YOUR_CLIENT_SECRET"}}')).toEqual([]);
  });

  it('finds the Google client_secret*.json installed/web objects', () => {
    const text = `{"web":{"client_id":"1234-abc.apps.googleusercontent.com","client_secret":"${GOOGLE_SECRET}","redirect_uris":["http://localhost"]}}`;
    expect(find('client_secret_1234.json', text)).toEqual([
      { kind: 'client-id', key: 'web.client_id', text: '1234-abc.apps.googleusercontent.com', value: 'credential' },
      { kind: 'client-secret', key: 'web.client_secret', text: GOOGLE_SECRET, value: 'known-format' },
    ]);
  });

  it('reports the range of the raw text for escaped JSON strings', () => {
    const text = `{"installed": {"client_secret": "ab\\/${SECRET}"}}`;
    const [finding] = findConfigFileSecrets(text, { filePath: 'creds.json' });
    expect(finding && text.slice(finding.range[0], finding.range[1])).toBe(`ab\\/${SECRET}`);
  });

  it('finds okta.yaml tokens and client ids, and skips URLs', () => {
    const text = `okta:\n  client:\n    orgUrl: "https://dev-1.okta.com"\n    token: ${SECRET} # admin API\n    clientId: '0oa1b2c3d4e5f6g7h8i9'\n`;
    expect(find('.okta/okta.yaml', text)).toEqual([
      { kind: 'token', key: 'okta.client.token', text: SECRET, value: 'credential' },
      { kind: 'client-id', key: 'okta.client.clientId', text: '0oa1b2c3d4e5f6g7h8i9', value: 'credential' },
    ]);
  });

  it('follows YAML list items and skips block scalars', () => {
    const text = `integrations:\n  - name: kensium\n    clientSecret: "${SECRET}"\n  - name: notes\n    description: |\n      clientSecret: ${SECRET}\n`;
    expect(find('integrations.yaml', text)).toEqual([{ kind: 'client-secret', key: 'integrations.clientSecret', text: SECRET, value: 'credential' }]);
  });

  it('finds *_CLIENT_SECRET in dotenv files, with export and quotes, and skips ids, URLs and placeholders', () => {
    const text = `# Kensium POS\nexport KENSIUM_CLIENT_SECRET="${SECRET}"\nKENSIUM_CLIENT_ID=pos-sync\nKENSIUM_TOKEN_URL=https://pos.example.com/connect/token\nACUMATICA_CLIENT_SECRET=changeme\nEMPTY_SECRET=\n`;
    expect(find('.env.production', text)).toEqual([{ kind: 'client-secret', key: 'KENSIUM_CLIENT_SECRET', text: SECRET, value: 'credential' }]);
  });

  it('reports a weak client secret but not a weak local password', () => {
    expect(find('.env', 'SESSION_SECRET=keyboard cat\nPOSTGRES_PASSWORD=postgres\n')).toEqual([
      { kind: 'signing-secret', key: 'SESSION_SECRET', text: 'keyboard cat', value: 'weak' },
    ]);
  });

  it('finds .npmrc auth tokens after the registry URL', () => {
    const text = `registry=https://registry.npmjs.org/\n//npm.example.com/:_authToken=${SECRET}\n`;
    expect(find('.npmrc', text)).toEqual([{ kind: 'token', key: '_authToken', text: SECRET, value: 'credential' }]);
    expect(find('.npmrc', '//npm.example.com/:_authToken=${NPM_TOKEN}\n')).toEqual([]);
  });

  it('finds Spring .properties and Acumatica INI connection settings', () => {
    expect(find('src/main/resources/application.properties', `spring.security.oauth2.client.registration.kensium.client-secret=${SECRET}\n`)).toEqual([
      { kind: 'client-secret', key: 'spring.security.oauth2.client.registration.kensium.client-secret', text: SECRET, value: 'credential' },
    ]);
    const ini = `[acumatica]\nUrl = https://erp.example.com\nClientSecret = ${SECRET} ; rotate yearly\nClientId = ${ACUMATICA_ID}\n`;
    expect(find('settings.ini', ini)).toEqual([
      { kind: 'client-secret', key: 'acumatica.ClientSecret', text: SECRET, value: 'credential' },
      { kind: 'client-id', key: 'acumatica.ClientId', text: ACUMATICA_ID, value: 'credential' },
    ]);
  });

  it('reports random-looking client ids, not readable slugs, and realm export client secrets', () => {
    const realm = '{"clients": [{"clientId": "nodejs-connect", "secret": "secret"}, {"clientId": "0oa1b2c3d4e5f6g7h8i9"}]}';
    expect(find('realm-export.json', realm)).toEqual([
      { kind: 'client-secret', key: 'clients.secret', text: 'secret', value: 'weak' },
      { kind: 'client-id', key: 'clients.clientId', text: '0oa1b2c3d4e5f6g7h8i9', value: 'credential' },
    ]);
  });

  it('finds appsettings.json connection settings', () => {
    const text = `{\n  "Kensium": { "ClientId": "pos-sync", "ClientSecret": "${SECRET}", "TokenUrl": "https://pos.example.com/connect/token" }\n}`;
    expect(find('appsettings.Production.json', text)).toEqual([{ kind: 'client-secret', key: 'Kensium.ClientSecret', text: SECRET, value: 'credential' }]);
  });

  it('skips display labels in translation files', () => {
    expect(find('locales/en.json', '{"auth": {"secret": "Secret", "clientSecret": "Client Secret", "password": "Password", "apiKey": "API key"}}')).toEqual([]);
  });

  it('allows obvious dummies in test fixtures but not real-looking values', () => {
    expect(find('test/fixtures/keycloak.json', '{"credentials": {"secret": "test-secret"}}')).toEqual([]);
    expect(find('test/fixtures/keycloak.json', `{"credentials": {"secret": "${SECRET}"}}`)).toHaveLength(1);
  });

  it('never throws on damaged input and keeps what it read', () => {
    expect(find('broken.json', `{"clientSecret": "${SECRET}", "other": "unterminated`)).toHaveLength(1);
    expect(find('broken.json', '{{{{[[[[')).toEqual([]);
    expect(find('broken.yaml', ':\n  - : :\n\t"x": [')).toEqual([]);
    expect(find('deep.json', '['.repeat(50_000))).toEqual([]);
  });

  it('reads Kubernetes env lists as KEY: value, in block and flow style', () => {
    const text = [
      'spec:',
      '  containers:',
      '    - name: sync',
      '      env:',
      '        - name: ERP_CLIENT_SECRET',
      '          valueFrom:',
      '            secretKeyRef: { name: erp-credentials, key: ERP_CLIENT_SECRET }',
      '        - name: LOG_LEVEL',
      '          value: debug',
      '        - name: ERP_PASSWORD',
      `          value: "${SECRET}"`,
      `        - { name: API_TOKEN, value: '${SECRET}' }`,
      '        - name: DB_PASSWORD',
      '          value: $(DB_PASSWORD)',
      '',
    ].join('\n');
    expect(find('deploy.yaml', text)).toEqual([
      { kind: 'password', key: 'spec.containers.env.ERP_PASSWORD', text: SECRET, value: 'credential' },
      { kind: 'token', key: 'spec.containers.env.API_TOKEN', text: SECRET, value: 'credential' },
    ]);
    expect(find('deploy.yaml', `env: [{ name: ERP_CLIENT_SECRET, value: "${SECRET}" }, { name: ERP_CLIENT_ID, value: pos-sync }]\n`)).toEqual([
      { kind: 'client-secret', key: 'env.ERP_CLIENT_SECRET', text: SECRET, value: 'credential' },
    ]);
  });

  it('reads docker-compose environment lists of KEY=value, quoted or not', () => {
    const text = [
      'services:',
      '  db:',
      '    environment:',
      '      - POSTGRES_USER=pos',
      `      - POSTGRES_PASSWORD=${SECRET}`,
      `      - "ERP_CLIENT_SECRET=${SECRET}"`,
      '      - ERP_API_TOKEN=${ERP_API_TOKEN}',
      '      - RABBITMQ_DEFAULT_PASS=guest',
      '    command: ["--max-connections=200"]',
      `  sync:`,
      `    environment: ["JWT_SECRET=${SECRET}", "LOG_LEVEL=info"]`,
      '',
    ].join('\n');
    expect(find('docker-compose.yml', text)).toEqual([
      { kind: 'password', key: 'services.db.environment.POSTGRES_PASSWORD', text: SECRET, value: 'credential' },
      { kind: 'client-secret', key: 'services.db.environment.ERP_CLIENT_SECRET', text: SECRET, value: 'credential' },
      { kind: 'signing-secret', key: 'services.sync.environment.JWT_SECRET', text: SECRET, value: 'credential' },
    ]);
  });

  it('reads GitHub Actions env maps like any map, with secrets references left alone', () => {
    const text = `jobs:\n  deploy:\n    env:\n      ERP_CLIENT_SECRET: \${{ secrets.ERP_CLIENT_SECRET }}\n      API_TOKEN: ${SECRET}\n`;
    expect(find('.github/workflows/deploy.yml', text)).toEqual([{ kind: 'token', key: 'jobs.deploy.env.API_TOKEN', text: SECRET, value: 'credential' }]);
  });

  it('does not take Helm Secret references for secrets, and reads one-line flow maps', () => {
    const values = 'erp:\n  existingSecret: erp-credentials\n  existingSecretKey: client-secret\n  clientSecret: ""\nauth: { existingSecret: erp-credentials, existingSecretPasswordKey: password }\n';
    expect(find('helm/values.yaml', values)).toEqual([]);
    const template = 'env:\n  - name: ERP_CLIENT_SECRET\n    value: {{ .Values.erp.clientSecret | quote }}\nauth: { password: {{ .Values.password }} }\n';
    expect(find('helm/templates/deployment.yaml', template)).toEqual([]);
    expect(find('helm/values.yaml', `redis: { auth: { password: "${SECRET}", enabled: true } }\n`)).toEqual([
      { kind: 'password', key: 'redis.auth.password', text: SECRET, value: 'credential' },
    ]);
  });

  it('reads Terraform assignments at any nesting, and variable defaults under the variable name', () => {
    const text = [
      '# terraform.tfvars',
      'erp_client_id     = "pos-sync"',
      `erp_client_secret = "${SECRET}"`,
      'provider "azuread" {',
      `  client_secret = "${SECRET}" // TODO`,
      '  client_id     = var.client_id',
      '}',
      `variable "api_token" { default = "${SECRET}" }`,
      'resource "x" "y" {',
      '  password = var.db_password',
      '  token    = "${var.token}"',
      '  secret   = "abc-${random_id.suffix.hex}"',
      '  api_key  = lookup(var.keys, "prod")',
      '  policy = <<EOF',
      `password = "${SECRET}"`,
      'EOF',
      '  settings { client_secret = "" }',
      `  tags = { "api_key" = "${SECRET}" }`,
      '}',
      '',
    ].join('\n');
    expect(find('infra/terraform.tfvars', text)).toEqual([
      { kind: 'client-secret', key: 'erp_client_secret', text: SECRET, value: 'credential' },
      { kind: 'client-secret', key: 'provider.azuread.client_secret', text: SECRET, value: 'credential' },
      { kind: 'token', key: 'api_token', text: SECRET, value: 'credential' },
      { kind: 'api-key', key: 'resource.x.y.tags.api_key', text: SECRET, value: 'credential' },
    ]);
  });

  it('reads Dockerfile ENV and ARG, and skips references to other variables', () => {
    const text = [
      'FROM node:20-alpine',
      `ENV ERP_CLIENT_SECRET=${SECRET} NODE_ENV=production`,
      `ENV API_TOKEN ${SECRET}`,
      `ARG DB_PASSWORD="${SECRET}"`,
      'ARG NPM_TOKEN',
      'ENV NPM_TOKEN=$NPM_TOKEN JWT_SECRET=${JWT_SECRET}',
      'ENV LOG_LEVEL=debug \\',
      `    SESSION_SECRET=${SECRET}`,
      `RUN echo "CLIENT_SECRET=${SECRET}" > /dev/null`,
      '',
    ].join('\n');
    expect(find('services/sync/Dockerfile', text)).toEqual([
      { kind: 'client-secret', key: 'ERP_CLIENT_SECRET', text: SECRET, value: 'credential' },
      { kind: 'token', key: 'API_TOKEN', text: SECRET, value: 'credential' },
      { kind: 'password', key: 'DB_PASSWORD', text: SECRET, value: 'credential' },
      { kind: 'signing-secret', key: 'SESSION_SECRET', text: SECRET, value: 'credential' },
    ]);
  });

  it('returns nothing for unknown formats unless one is forced', () => {
    expect(findConfigFileSecrets(`CLIENT_SECRET=${SECRET}`, { filePath: 'notes.txt' })).toEqual([]);
    expect(findConfigFileSecrets(`CLIENT_SECRET=${SECRET}`, { filePath: 'notes.txt', format: 'dotenv' })).toHaveLength(1);
  });
});

describe('detectConfigFormat', () => {
  it('picks the reader from the file name, then from the content', () => {
    expect(detectConfigFormat('keycloak.json')).toBe('json');
    expect(detectConfigFormat('okta.yml')).toBe('yaml');
    expect(detectConfigFormat('.env.local')).toBe('dotenv');
    expect(detectConfigFormat('prod.env')).toBe('dotenv');
    expect(detectConfigFormat('app.properties')).toBe('properties');
    expect(detectConfigFormat('.npmrc')).toBe('ini');
    expect(detectConfigFormat('pyproject.toml')).toBe('ini');
    expect(detectConfigFormat('terraform.tfvars')).toBe('hcl');
    expect(detectConfigFormat('infra/main.tf')).toBe('hcl');
    expect(detectConfigFormat('main.tf.json')).toBe('json');
    expect(detectConfigFormat('Dockerfile')).toBe('dockerfile');
    expect(detectConfigFormat('Dockerfile.prod')).toBe('dockerfile');
    expect(detectConfigFormat('api.Dockerfile')).toBe('dockerfile');
    expect(detectConfigFormat('index.ts')).toBeUndefined();
    expect(detectConfigFormat(undefined, ' {"a": 1}')).toBe('json');
  });
});

describe('readConfigEntries', () => {
  it('reads nested JSON keys, arrays and JSON5 unquoted keys', () => {
    expect(readConfigEntries('{a: {"b": "1", list: ["x"], n: 2}, c: \'3\'}', 'json').map((entry) => [entry.path.join('.'), entry.value])).toEqual([
      ['a.b', '1'],
      ['c', '3'],
    ]);
  });
});
