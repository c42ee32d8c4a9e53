'use client';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Rating from '@mui/material/Rating';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { RatingCommentsResponse } from '@em/contracts/rest';
import { CSAT_ATTRIBUTION } from '../../lib/dashboard/definitions';
import { consoleConversationPath } from '../../lib/dashboard/paths';
import { ChartCard } from './ChartCard';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' });

/** The newest CSAT comments in the range: score, words, who resolved it, and a way into the conversation. */
export function CommentsCard({ comments }: { comments: RatingCommentsResponse }) {
  const subtitle = comments.scope === 'own' ? 'Ratings of conversations you resolved, newest first' : 'Newest first, with the agent who resolved the conversation';
  return (
    <ChartCard title="Rating comments" subtitle={subtitle} testId="chart-comments" hasData={comments.comments.length > 0}>
      <List dense disablePadding>
        {comments.comments.map((c) => (
          <ListItem key={`${c.conversationId}-${c.at}`} disableGutters divider data-testid="comment-row" sx={{ display: 'block', py: 1 }}>
            <Stack direction="row" alignItems="center" gap={1} flexWrap="wrap">
              <Rating value={c.score} readOnly size="small" aria-label={`${c.score} of 5`} />
              <Typography variant="caption" color="text.secondary">
                {c.agentName ?? 'AI / customer closed'} · {when(c.at)} UTC
              </Typography>
              <Link href={consoleConversationPath(c.conversationId)} variant="caption" sx={{ ml: 'auto' }} data-testid="comment-link">
                Open conversation
              </Link>
            </Stack>
            <Typography variant="body2" sx={{ mt: 0.25, overflowWrap: 'anywhere' }}>
              “{c.comment}”
            </Typography>
          </ListItem>
        ))}
      </List>
      <Typography variant="caption" color="text.secondary">
        {CSAT_ATTRIBUTION}
      </Typography>
    </ChartCard>
  );
}
