'use client';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Rating from '@mui/material/Rating';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { RatingCommentsResponse } from '@em/contracts/rest';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import { consoleConversationPath } from '../../lib/dashboard/paths';
import { ChartCard } from './ChartCard';

/** The newest CSAT comments in the range: score, words, who resolved it, and a way into the conversation. */
export function CommentsCard({ comments }: { comments: RatingCommentsResponse }) {
  const { t, f } = useDashboardI18n();
  const subtitle = comments.scope === 'own' ? t.commentsOwn : t.commentsAll;
  return (
    <ChartCard title={t.comments} subtitle={subtitle} testId="chart-comments" hasData={comments.comments.length > 0}>
      <List dense disablePadding>
        {comments.comments.map((c) => (
          <ListItem key={`${c.conversationId}-${c.at}`} disableGutters divider data-testid="comment-row" sx={{ display: 'block', py: 1 }}>
            <Stack direction="row" alignItems="center" gap={1} flexWrap="wrap">
              <Rating value={c.score} readOnly size="small" aria-label={t.starsOf5(c.score)} />
              <Typography variant="caption" color="text.secondary">
                {c.agentName ?? t.aiOrCustomerClosed} · {f.utcDateTime(c.at)} UTC
              </Typography>
              <Link href={consoleConversationPath(c.conversationId)} variant="caption" sx={{ ml: 'auto' }} data-testid="comment-link">
                {t.openConversation}
              </Link>
            </Stack>
            <Typography variant="body2" sx={{ mt: 0.25, overflowWrap: 'anywhere' }}>
              “{c.comment}”
            </Typography>
          </ListItem>
        ))}
      </List>
      <Typography variant="caption" color="text.secondary">
        {t.csatAttribution}
      </Typography>
    </ChartCard>
  );
}
