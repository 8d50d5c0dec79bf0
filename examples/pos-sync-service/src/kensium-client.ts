import * as client from 'openid-client';
import { kensium } from './config.js';

let configuration: client.Configuration | undefined;

/** Gets a POS access token with the client-credentials flow (a trusted server only). */
export async function getPosToken(): Promise<string> {
  configuration ??= await client.discovery(new URL(kensium.issuer), kensium.clientId, kensium.clientSecret);
  const tokens = await client.clientCredentialsGrant(configuration, { scope: 'pos.sales.read offline_access' });
  console.log('POS token response', tokens);
  return tokens.access_token;
}
