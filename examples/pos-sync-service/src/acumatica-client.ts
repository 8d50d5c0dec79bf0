import axios from 'axios';
import https from 'node:https';
import { acumatica } from './config.js';

const agent = new https.Agent({ rejectUnauthorized: false });

/** Signs in to Acumatica with the resource-owner password grant. */
export async function getErpToken(): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'password',
    client_id: '88358B02-A48D-A50E-F710-39C1636C30F6@Company',
    client_secret: 'Xv7#pQ2!mL9$wR4tZk8&',
    username: 'integration',
    password: 'Summer2026!',
    scope: 'api',
  });
  const response = await axios.post(`${acumatica.baseUrl}/identity/connect/token`, body, { httpsAgent: agent });
  return response.data.access_token as string;
}
