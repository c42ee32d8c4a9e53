'use client';
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useDashboardI18n } from '../../lib/i18n/dashboard';

/**
 * One dashboard panel. `testId` and `data-has-data` let the e2e test check that every chart
 * rendered with data; an empty panel says so instead of drawing empty axes.
 */
export function ChartCard(props: { title: string; subtitle?: string; testId: string; hasData: boolean; action?: ReactNode; children: ReactNode; minHeight?: number }) {
  const { t } = useDashboardI18n();
  return (
    <Card data-testid={props.testId} data-has-data={props.hasData ? 'true' : 'false'} sx={{ height: '100%' }}>
      <CardContent sx={{ height: '100%', display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Stack direction="row" alignItems="flex-start" justifyContent="space-between" gap={1}>
          <Box>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, lineHeight: 1.3 }}>
              {props.title}
            </Typography>
            {props.subtitle && (
              <Typography variant="caption" color="text.secondary">
                {props.subtitle}
              </Typography>
            )}
          </Box>
          {props.action}
        </Stack>
        {props.hasData ? (
          <Box sx={{ flex: 1, minHeight: props.minHeight ?? 0 }}>{props.children}</Box>
        ) : (
          <Box sx={{ flex: 1, minHeight: props.minHeight ?? 160, display: 'grid', placeItems: 'center' }}>
            <Typography variant="body2" color="text.secondary">
              {t.noData}
            </Typography>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

/** A labelled figure inside a panel. */
export function Figure(props: { label: string; value: string; hint?: string; color?: string; testId?: string }) {
  return (
    <Box data-testid={props.testId}>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', lineHeight: 1.2 }}>
        {props.label}
      </Typography>
      {/* A figure never breaks ("3 min 07 s"); its label may. */}
      <Typography variant="h6" component="p" sx={{ fontWeight: 700, color: props.color, lineHeight: 1.3, whiteSpace: 'nowrap' }}>
        {props.value}
      </Typography>
      {props.hint && (
        <Typography variant="caption" color="text.secondary">
          {props.hint}
        </Typography>
      )}
    </Box>
  );
}
