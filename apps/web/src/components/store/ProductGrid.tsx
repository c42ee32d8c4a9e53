import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { categoryLabel, formatPrice, stockState } from '../../lib/format';

export interface ProductCardData {
  sku: string;
  name: string;
  brand: string;
  category: string;
  priceCents: number;
  stock: number;
  description: string;
  rating: number;
}

const TONE_COLOR = { success: 'success.main', warning: 'warning.dark', error: 'error.main' } as const;

function ProductCard({ product }: { product: ProductCardData }) {
  const stock = stockState(product.stock);
  return (
    // Focusable so a keyboard user can move through the catalogue card by card; its name is the product's.
    <Card
      component="article"
      tabIndex={0}
      aria-labelledby={`product-${product.sku}`}
      data-testid="product"
      data-sku={product.sku}
      sx={{ height: '100%', '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 } }}
    >
      <CardContent sx={{ height: '100%', display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Stack direction="row" justifyContent="space-between" alignItems="center" spacing={1}>
          <Chip label={categoryLabel(product.category)} size="small" color="primary" variant="outlined" />
          <Typography variant="caption" color="text.secondary" aria-label={`Rated ${product.rating} out of 5`}>
            ★ {product.rating.toFixed(1)}
          </Typography>
        </Stack>
        <div>
          <Typography id={`product-${product.sku}`} variant="subtitle1" component="h2" fontWeight={600} lineHeight={1.3}>
            {product.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {product.brand}
          </Typography>
        </div>
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
        >
          {product.description}
        </Typography>
        <Stack direction="row" justifyContent="space-between" alignItems="baseline" sx={{ mt: 'auto', pt: 1 }}>
          <Typography variant="h6" component="p" color="primary.dark" data-testid="price">
            {formatPrice(product.priceCents)}
          </Typography>
          <Typography variant="body2" fontWeight={600} color={TONE_COLOR[stock.tone]} data-testid="stock">
            {stock.label}
          </Typography>
        </Stack>
      </CardContent>
    </Card>
  );
}

export function ProductGrid({ products }: { products: ProductCardData[] }) {
  return (
    <Grid container spacing={2.5} component="section" aria-label="Products">
      {products.map((p) => (
        <Grid key={p.sku} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
          <ProductCard product={p} />
        </Grid>
      ))}
    </Grid>
  );
}
