'use client';
import StarIcon from '@mui/icons-material/Star';
import StarBorderIcon from '@mui/icons-material/StarBorder';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';

const SCORES = [1, 2, 3, 4, 5] as const;

interface Props {
  rated: boolean;
  /** Emits conversation:rate; resolves true once the server recorded it. */
  onRate: (score: number, comment?: string) => Promise<boolean>;
}

/**
 * Customer satisfaction after a resolved conversation. The accessible names ("Rate 1".."Rate 5",
 * "Comment", "Send rating", "Thanks for your feedback") are relied on by e2e tests: keep them.
 */
export function Csat({ rated, onRate }: Props) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const { t } = useI18n();
  const MEANING = t.csatMeaning;

  if (rated) {
    return (
      <Box data-testid="csat" role="status" sx={{ textAlign: 'center', p: 2, borderRadius: 3, bgcolor: 'action.hover' }}>
        <Typography variant="body2" fontWeight={600}>
          {t.csatThanks}
        </Typography>
      </Box>
    );
  }

  const submit = async () => {
    if (!score || busy) return;
    setBusy(true);
    await onRate(score, comment.trim() || undefined);
    setBusy(false);
  };

  return (
    <Box
      data-testid="csat"
      component="section"
      aria-labelledby="csat-title"
      sx={{ p: 2, borderRadius: 3, border: 1, borderColor: 'divider', bgcolor: 'background.paper', display: 'flex', flexDirection: 'column', gap: 1.25 }}
    >
      <Typography id="csat-title" variant="subtitle2" component="h2">
        {t.csatTitle}
      </Typography>
      <Box role="group" aria-label={t.csatGroup} sx={{ display: 'flex', alignItems: 'center', gap: 0.25 }}>
        {SCORES.map((n) => (
          <IconButton
            key={n}
            aria-label={t.csatRate(n)}
            aria-pressed={score === n}
            title={MEANING[n]}
            onClick={() => setScore(n)}
            sx={{ color: n <= score ? 'warning.main' : 'text.secondary', p: 0.5 }}
          >
            {n <= score ? <StarIcon /> : <StarBorderIcon />}
          </IconButton>
        ))}
        <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }} aria-hidden>
          {MEANING[score]}
        </Typography>
      </Box>
      <TextField
        label={t.csatComment}
        placeholder={t.csatOptional}
        value={comment}
        onChange={(e) => setComment(e.target.value.slice(0, 1000))}
        multiline
        minRows={2}
        maxRows={4}
        size="small"
      />
      <Button variant="contained" onClick={submit} disabled={!score || busy} sx={{ alignSelf: 'flex-end' }}>
        {t.csatSend}
      </Button>
    </Box>
  );
}
