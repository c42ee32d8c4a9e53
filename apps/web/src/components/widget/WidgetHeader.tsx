'use client';
import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';

interface Props {
  subtitle: string;
  canRequestHuman: boolean;
  onRequestHuman: () => void;
  onClose?: () => void;
}

export function WidgetHeader({ subtitle, canRequestHuman, onRequestHuman, onClose }: Props) {
  return (
    <Box
      component="header"
      sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 2, py: 1.5, bgcolor: 'primary.main', color: 'primary.contrastText' }}
    >
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="subtitle1" component="h1" fontWeight={700} lineHeight={1.25} noWrap>
          ElectroMart Support
        </Typography>
        <Typography variant="caption" sx={{ opacity: 0.85 }} noWrap component="p" data-testid="session-subtitle">
          {subtitle}
        </Typography>
      </Box>
      <Button
        size="small"
        variant="outlined"
        color="inherit"
        onClick={onRequestHuman}
        disabled={!canRequestHuman}
        sx={{ whiteSpace: 'nowrap', borderColor: 'rgba(255,255,255,.5)', '&.Mui-disabled': { color: 'rgba(255,255,255,.5)', borderColor: 'rgba(255,255,255,.25)' } }}
      >
        Talk to a person
      </Button>
      {onClose && (
        <IconButton aria-label="Close chat" color="inherit" size="small" onClick={onClose}>
          <CloseIcon fontSize="small" />
        </IconButton>
      )}
    </Box>
  );
}
