import Alert from '@mui/material/Alert';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { listProducts } from '@em/db/queries/catalog';
import { ChatEmbed } from '../components/store/ChatEmbed';
import { Hero } from '../components/store/Hero';
import { ProductGrid, type ProductCardData } from '../components/store/ProductGrid';
import { UserSwitch } from '../components/store/UserSwitch';
import { env } from '../server-env';
import { getDb } from '../lib/db';
import { DEMO_USERS, demoSwitchEnabled, parseDemoUser } from '../lib/demo-users';
import { signIdentity } from '../lib/identity';

// Reads env and the DB per request: nothing about the deployment is baked in at build time.
export const dynamic = 'force-dynamic';

type CatalogResult = { ok: true; products: ProductCardData[] } | { ok: false; reason: string };

async function loadCatalog(databaseUrl: string | undefined): Promise<CatalogResult> {
  if (!databaseUrl) return { ok: false, reason: 'DATABASE_URL is not set, so the catalog cannot be shown.' };
  try {
    const rows = await listProducts(getDb(databaseUrl), 200);
    const products = rows.map(({ sku, name, brand, category, priceCents, stock, description, rating }) => ({
      sku, name, brand, category, priceCents, stock, description, rating,
    }));
    return { ok: true, products };
  } catch (err) {
    console.error('[web] catalog query failed', err);
    return { ok: false, reason: 'The catalog is temporarily unavailable. Please try again shortly.' };
  }
}

export default async function StorefrontPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const config = env();
  const { DATABASE_URL, SITE_KEY, SITE_IDENTITY_SECRET } = config;
  // Development only: production ignores ?as= and shows no switch (lib/demo-users.ts).
  const current = parseDemoUser((await searchParams).as, config);
  const user = DEMO_USERS[current];
  // Signed here, on the server, as a shop's backend would: the secret never reaches the browser.
  const identity = user ? signIdentity(user.email, user.name, SITE_IDENTITY_SECRET) : null;
  const catalog = await loadCatalog(DATABASE_URL);

  return (
    <>
      <AppBar position="sticky" elevation={0}>
        <Toolbar sx={{ gap: 2, justifyContent: 'space-between' }}>
          <Typography variant="h6" component="h1" fontWeight={700} letterSpacing={-0.3}>
            ElectroMart
          </Typography>
          {demoSwitchEnabled(config) && <UserSwitch current={current} />}
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="lg" sx={{ py: 4 }}>
        <Hero firstName={user?.name.split(' ')[0]} />
        {catalog.ok ? (
          catalog.products.length ? (
            <ProductGrid products={catalog.products} />
          ) : (
            <Alert severity="info">No products yet: run the seed.</Alert>
          )
        ) : (
          <Alert severity="warning">{catalog.reason}</Alert>
        )}
      </Container>
      <Box component="footer" sx={{ py: 4, textAlign: 'center', color: 'text.secondary', typography: 'body2' }}>
        ElectroMart demo store · products, orders and promotions are fictional
      </Box>
      <ChatEmbed siteKey={SITE_KEY} identity={identity} />
    </>
  );
}
