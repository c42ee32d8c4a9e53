'use client';
import { useState } from 'react';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import TranslateIcon from '@mui/icons-material/Translate';
import { UI_LOCALES } from '@em/contracts/site';
import { ENDONYM } from '../../lib/i18n/pick-locale';
import { useUiLocale } from '../../lib/i18n/UiLocaleProvider';

/**
 * The language menu of the console's top bar and the dashboard's header: each language in its own
 * words, the choice kept in localStorage (UiLocaleProvider). `label` is "Language" in the current one.
 */
export function LanguageMenu({ label, color = 'inherit' }: { label: string; color?: 'inherit' | 'primary' }) {
  const { locale, setLocale } = useUiLocale();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button
        color={color}
        size="small"
        startIcon={<TranslateIcon fontSize="small" />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-label={`${label}: ${ENDONYM[locale]}`}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        data-testid="language-menu"
        data-locale={locale}
        // Compact: the console's top bar is full at 1366 px.
        sx={{ minWidth: 0, px: 0.75, '& .MuiButton-startIcon': { mr: 0.5 } }}
      >
        {locale.toUpperCase()}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {UI_LOCALES.map((l) => (
          <MenuItem
            key={l}
            lang={l}
            selected={l === locale}
            data-testid={`language-${l}`}
            onClick={() => {
              setLocale(l);
              setAnchor(null);
            }}
          >
            {ENDONYM[l]}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
