'use client';
import CloseIcon from '@mui/icons-material/Close';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useI18n } from '../../lib/i18n';
import { surfaces } from './widgetTheme';

interface Props {
  /** The shop's name in the widget (site branding) or the platform's. */
  title: string;
  /** The shop's logo (site branding, an http(s) URL); the support icon otherwise. */
  logoUrl?: string;
  subtitle: string;
  /** Who answers now (labels.ts ownerLine): the AI, a person by name, or the wait for one. */
  ownerLine: string;
  online: boolean;
  canRequestHuman: boolean;
  onRequestHuman: () => void;
  /** Outside business hours: what a request does now (a ticket) and when people are back. */
  requestHint?: string;
  onClose?: () => void;
}

export function WidgetHeader({ title, logoUrl, subtitle, ownerLine, online, canRequestHuman, onRequestHuman, requestHint, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Box
      component="header"
      sx={(t) => ({ px: 1.5, pt: 1.25, pb: 1, bgcolor: surfaces(t).header, color: surfaces(t).headerText })}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25 }}>
        <Box sx={{ position: 'relative', flexShrink: 0 }}>
          <Avatar src={logoUrl} alt="" sx={{ width: 36, height: 36, bgcolor: 'rgba(255,255,255,.16)', color: 'inherit' }} data-testid="widget-logo">
            <SupportAgentIcon fontSize="small" aria-hidden />
          </Avatar>
          <Box
            aria-hidden
            sx={(t) => ({
              position: 'absolute',
              right: -1,
              bottom: -1,
              width: 11,
              height: 11,
              borderRadius: '50%',
              border: `2px solid ${surfaces(t).header}`,
              bgcolor: online ? '#4caf50' : '#9e9e9e',
            })}
          />
        </Box>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle1" component="h1" fontWeight={700} lineHeight={1.25} noWrap data-testid="widget-title">
            {title}
          </Typography>
          <Typography variant="caption" sx={{ opacity: 0.85, display: 'block' }} noWrap data-testid="session-subtitle">
            {subtitle}
          </Typography>
        </Box>
        {onClose && (
          <IconButton aria-label={t.closeChat} color="inherit" size="small" onClick={onClose}>
            <CloseIcon fontSize="small" />
          </IconButton>
        )}
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1, pl: 0.25 }}>
        <Typography variant="caption" sx={{ flex: 1, opacity: 0.8 }} noWrap data-testid="owner-line" aria-live="polite">
          {ownerLine}
        </Typography>
        {/* The hint shows on hover only: after a click the focus stays on the button and a tooltip would
            cover the hours line; aria-description gives keyboard and screen-reader users the same hint. */}
        {canRequestHuman && (
          <Tooltip describeChild title={requestHint ?? ''} disableHoverListener={!requestHint} disableFocusListener disableTouchListener={!requestHint}>
          <Button
            aria-description={requestHint}
            data-testid="talk-to-person"
            size="small"
            variant="outlined"
            color="inherit"
            onClick={onRequestHuman}
            startIcon={<SupportAgentIcon sx={{ fontSize: '16px !important' }} aria-hidden />}
            sx={{
              whiteSpace: 'nowrap',
              flexShrink: 0,
              py: 0.25,
              borderRadius: 5,
              borderColor: 'rgba(255,255,255,.55)',
              '&:hover': { borderColor: '#fff', bgcolor: 'rgba(255,255,255,.08)' },
              }}
          >
            {t.talkToPerson}
          </Button>
          </Tooltip>
        )}
      </Box>
    </Box>
  );
}
