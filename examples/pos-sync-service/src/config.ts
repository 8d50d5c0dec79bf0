// Connection settings for the POS and the ERP.
export const kensium = {
  issuer: 'https://pos.kensium.example/identity',
  clientId: 'possyncservice',
  // Fake value, for the example only.
  clientSecret: 'Kq9vT2mNx4Rt7YpKw1Bs9DfH3JcA0eUgZ8',
};

export const acumatica = {
  baseUrl: process.env.ACUMATICA_URL ?? 'https://erp.example.com',
  clientId: process.env.ACUMATICA_CLIENT_ID,
  clientSecret: process.env.ACUMATICA_CLIENT_SECRET || 'd41d8cd98f00b204e9800998ecf8427e',
};
