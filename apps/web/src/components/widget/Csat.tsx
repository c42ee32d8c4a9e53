'use client';
import StarIcon from '@mui/icons-material/Star';
import StarBorderIcon from '@mui/icons-material/StarBorder';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

const SCORES = [1, 2, 3, 4, 5] as const;
const MEANING = ['', 'Very poor', 'Poor', 'OK', 'Good', 'Excellent'];

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

  if (rated) {
    return (
      <Box data-testid="csat" role="status" sx={{ textAlign: 'center', p: 2, borderRadius: 3, bgcolor: 'action.hover' }}>
        <Typography variant="body2" fontWeight={600}>
          Thanks for your feedback
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
        How did we do?
      </Typography>
      <Box role="group" aria-label="Rating from 1 to 5" sx={{ display: 'flex', alignItems: 'center', gap: 0.25 }}>
        {SCORES.map((n) => (
          <IconButton
            key={n}
            aria-label={`Rate ${n}`}
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
        label="Comment"
        placeholder="Optional"
        value={comment}
        onChange={(e) => setComment(e.target.value.slice(0, 1000))}
        multiline
        minRows={2}
        maxRows={4}
        size="small"
      />
      <Button variant="contained" onClick={submit} disabled={!score || busy} sx={{ alignSelf: 'flex-end' }}>
        Send rating
      </Button>
    </Box>
  );
}
