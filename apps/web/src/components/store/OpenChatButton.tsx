'use client';
import ChatIcon from '@mui/icons-material/ChatBubbleOutline';
import Button from '@mui/material/Button';

/** Opens the embedded chat through the loader's public API, as any shop's own button would. */
export function OpenChatButton() {
  return (
    <Button
      variant="contained"
      color="inherit"
      startIcon={<ChatIcon />}
      onClick={() => window.ElectroMartChat?.open()}
      sx={{ bgcolor: 'common.white', color: 'primary.dark', '&:hover': { bgcolor: 'grey.100' } }}
    >
      Ask our support team
    </Button>
  );
}
