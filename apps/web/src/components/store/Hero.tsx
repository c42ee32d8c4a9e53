import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { OpenChatButton } from './OpenChatButton';

const PERKS = ['Free shipping over $50', '30-day returns', 'Price match', 'Real people, 7 days a week'];

export function Hero({ firstName }: { firstName?: string }) {
  return (
    <Box
      component="section"
      aria-label="Welcome"
      sx={{
        mb: 4,
        p: { xs: 3, md: 5 },
        borderRadius: 4,
        color: 'common.white',
        background: 'linear-gradient(120deg, #283593 0%, #3949ab 55%, #00897b 100%)',
      }}
    >
      <Typography variant="h4" component="p" fontWeight={800} letterSpacing={-0.5}>
        {firstName ? `Welcome back, ${firstName}` : 'Welcome to ElectroMart'}
      </Typography>
      <Typography sx={{ mt: 1, mb: 2.5, opacity: 0.9, maxWidth: 620 }}>
        Laptops, phones, TVs, audio and smart home. Questions about a product, an order or a return? Our AI
        specialists answer in seconds, and a person is one click away.
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }}>
        <OpenChatButton />
        <Stack direction="row" flexWrap="wrap" useFlexGap spacing={1}>
          {PERKS.map((p) => (
            <Chip key={p} label={p} size="small" sx={{ color: 'common.white', bgcolor: 'rgba(255,255,255,.14)' }} />
          ))}
        </Stack>
      </Stack>
    </Box>
  );
}
