'use client';
import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Link from 'next/link';
import type { DemoUserKey } from '../../lib/demo-users';

const OPTIONS: { key: DemoUserKey; label: string }[] = [
  { key: 'alice', label: 'Alice' },
  { key: 'bob', label: 'Bob' },
  { key: 'guest', label: 'Guest' },
];

/** Demo-only: pretends the shop's own login changed; the page re-renders with a new signed identity. */
export function UserSwitch({ current }: { current: DemoUserKey }) {
  return (
    <Stack direction="row" alignItems="center" spacing={1.5} component="nav" aria-label="Demo customer">
      <Typography variant="body2" sx={{ opacity: 0.9, display: { xs: 'none', sm: 'block' } }}>
        Signed in as:
      </Typography>
      <ButtonGroup size="small" variant="outlined" color="inherit" aria-label="Signed in as">
        {OPTIONS.map((o) => (
          <Button
            key={o.key}
            component={Link}
            href={`/?as=${o.key}`}
            scroll={false}
            aria-current={o.key === current ? 'page' : undefined}
            data-testid={`as-${o.key}`}
            sx={o.key === current ? { bgcolor: 'common.white', color: 'primary.dark', '&:hover': { bgcolor: 'grey.100' } } : {}}
          >
            {o.label}
          </Button>
        ))}
      </ButtonGroup>
    </Stack>
  );
}
