// SPDX-License-Identifier: GPL-3.0-or-later
//
// A real OAuth 2.0 / OpenID Connect server for test-oidc-sign-in: the npm package
// oidc-provider on 127.0.0.1, on an ephemeral port, with Google's paths
// (/o/oauth2/v2/auth, /token, /revoke) so that MP2_OAUTH_URL can point at it.
//
//   node provider.mjs NODE_MODULES_DIR
//
// One desktop client (application_type native, so any loopback port is accepted for
// its redirect http://127.0.0.1/), PKCE S256 required, a refresh token for every
// code, and an id_token that carries the e-mail as Google's does. There is no login
// page: every interaction is completed at once for the test user, so that a browser
// stand-in (curl with a cookie jar) follows the redirects through to the app's
// loopback. Access tokens live OIDC_ACCESS_TOKEN_TTL seconds (default 3600).
//
// When it listens it prints one line, "READY http://127.0.0.1:PORT", then one line per
// answer of the token endpoint ("GRANT refresh_token", "GRANT-ERROR authorization_code
// invalid_grant: DETAIL"), and serves until its standard input closes or SIGTERM.

import * as crypto from 'node:crypto';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CLIENT_ID = 'mp2-oidc-client';
export const CLIENT_SECRET = 'mp2-oidc-client-secret';
const USER_ID = 'oidc-test-user';
const USER_EMAIL = process.env.OIDC_USER_EMAIL || 'operator@example.org';
const GOOGLE_API = 'https://www.googleapis.com/';
const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/gmail.modify',
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.readonly',
];

async function loadProvider (modulesDir) {
  const require = createRequire(path.join(path.resolve(modulesDir), 'noop.js'));
  let resolved;
  try {
    resolved = require.resolve('oidc-provider');
  } catch (error) {
    console.error(`oidc-provider is not installed in ${modulesDir}: `
                  + 'run build-aux/oidc-provider.sh BUILD_DIR first');
    process.exit(2);
  }
  const module = await import(pathToFileURL(resolved).href);
  return module.default;
}

function makeConfiguration () {
  const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ format: 'jwk' });
  const ttl = Number(process.env.OIDC_ACCESS_TOKEN_TTL || 3600);

  return {
    clients: [{
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1/'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [{ ...signingKey, use: 'sig', kid: 'test-key' }] },
    cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    scopes: ['openid', 'offline_access'],
    // Google puts the e-mail in the id_token even when an access token is issued.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => GOOGLE_API,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: GOOGLE_SCOPES.join(' '),
          accessTokenFormat: 'opaque',
          accessTokenTTL: ttl,
        }),
      },
    },
    // Google gives a refresh token for access_type=offline, with no offline_access scope.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Google does not rotate refresh tokens.
    rotateRefreshToken: () => false,
    ttl: {
      AccessToken: ttl,
      AuthorizationCode: 60,
      IdToken: 3600,
      Grant: 3600,
      Interaction: 600,
      Session: 3600,
      RefreshToken: 24 * 3600,
    },
    routes: {
      authorization: '/o/oauth2/v2/auth',
      token: '/token',
      revocation: '/revoke',
    },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: USER_EMAIL, email_verified: true }),
    }),
  };
}

// Completes an interaction as the test user would: logs in and consents to all.
async function completeInteraction (provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  let result;

  if (prompt.name === 'login') {
    result = { login: { accountId: USER_ID } };
  } else {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    const missing = prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missing.missingResourceScopes || {})) {
      grant.addResourceScope(resource, scopes.join(' '));
    }
    result = { consent: { grantId: await grant.save() } };
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
}

async function main () {
  const modulesDir = process.argv[2];
  if (!modulesDir) {
    console.error('usage: node provider.mjs NODE_MODULES_DIR');
    process.exit(2);
  }
  const Provider = await loadProvider(modulesDir);
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, makeConfiguration());
  const callback = provider.callback();

  server.on('request', (req, res) => {
    if (req.url.startsWith('/interaction/')) {
      completeInteraction(provider, req, res).catch((error) => {
        console.error(`interaction failed: ${error}`);
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    callback(req, res);
  });
  provider.on('server_error', (_ctx, error) => console.error(`server error: ${error}`));
  // What the token endpoint did, one line each, for the test to read.
  provider.on('grant.success', (ctx) => {
    process.stdout.write(`GRANT ${ctx.oidc.params.grant_type}\n`);
  });
  provider.on('grant.error', (ctx, error) => {
    process.stdout.write(`GRANT-ERROR ${ctx.oidc.params?.grant_type} ${error.error}: `
                         + `${error.error_detail || error.error_description}\n`);
  });
  provider.on('revocation.error', (_ctx, error) => {
    process.stdout.write(`REVOKE-ERROR ${error.error}: ${error.error_detail || ''}\n`);
  });

  process.stdout.write(`READY ${issuer}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
