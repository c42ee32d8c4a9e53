'use client';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Summary } from '../../lib/dashboard/types';
import { ChartCard } from './ChartCard';

/** "de" → "German" (the dashboard's own language is English). */
const languageName = (code: string) => (code === 'unknown' ? 'Not detected' : (new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code));

/** Conversations by the customer's language (issue 21): which markets the chat serves. */
export function LanguagesCard({ languages }: { languages: Summary['volume']['byLanguage'] }) {
  const total = languages.reduce((sum, l) => sum + l.conversations, 0);
  return (
    <ChartCard
      title="Conversations by language"
      subtitle="The language the AI read in each customer's first message"
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
                  {l.conversations.toLocaleString('en')} · {share.toFixed(1)}%
                </Typography>
              </Stack>
              <LinearProgress variant="determinate" value={share} aria-label={`${languageName(l.language)}: ${share.toFixed(1)}%`} sx={{ height: 6, borderRadius: 3 }} />
            </Box>
          );
        })}
      </Stack>
    </ChartCard>
  );
}
