'use client';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Summary } from '../../lib/dashboard/types';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import { ChartCard } from './ChartCard';

/** Conversations by the customer's language (issue 21): which markets the chat serves. */
export function LanguagesCard({ languages }: { languages: Summary['volume']['byLanguage'] }) {
  const { t, f } = useDashboardI18n();
  /** "de" → "German" / "Deutsch": in the reader's language. */
  const languageName = (code: string) => (code === 'unknown' ? t.notDetected : f.languageName(code));
  const total = languages.reduce((sum, l) => sum + l.conversations, 0);
  return (
    <ChartCard
      title={t.byLanguage}
      subtitle={t.byLanguageSubtitle}
      testId="chart-languages"
      hasData={total > 0}
    >
      <Stack gap={1.25} sx={{ pt: 1 }}>
        {languages.map((l) => {
          const share = total ? (l.conversations / total) * 100 : 0;
          return (
            <Box key={l.language} data-testid="language-row" data-language={l.language}>
              <Stack direction="row" justifyContent="space-between">
                <Typography variant="body2">{languageName(l.language)}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {f.int(l.conversations)} · {f.pctOf100(share)}
                </Typography>
              </Stack>
              <LinearProgress variant="determinate" value={share} aria-label={`${languageName(l.language)}: ${f.pctOf100(share)}`} sx={{ height: 6, borderRadius: 3 }} />
            </Box>
          );
        })}
      </Stack>
    </ChartCard>
  );
}
