'use client';
import { useState } from 'react';
import Button from '@mui/material/Button';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import { exportConversationsCsvUrl, exportCsvUrl } from '../../lib/dashboard/paths';

/**
 * "Export CSV" opens a menu: the headline numbers per day, or one row per conversation. The files'
 * column names stay English in every language: they are read by scripts and spreadsheets, not people.
 */
export function ExportMenu({ gatewayUrl, query }: { gatewayUrl: string; query: string }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const close = () => setAnchor(null);
  const { t } = useDashboardI18n();
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<FileDownloadOutlined />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        data-testid="export-csv"
      >
        {t.exportCsv}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={close} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <MenuItem component="a" href={exportCsvUrl(gatewayUrl, query)} download onClick={close} data-testid="export-per-day">
          <ListItemText primary={t.exportPerDay} secondary={t.exportPerDayHint} />
        </MenuItem>
        <MenuItem component="a" href={exportConversationsCsvUrl(gatewayUrl, query)} download onClick={close} data-testid="export-per-conversation">
          <ListItemText primary={t.exportPerConversation} secondary={t.exportPerConversationHint} />
        </MenuItem>
      </Menu>
    </>
  );
}
