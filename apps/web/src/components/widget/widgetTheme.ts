'use client';
import { createTheme, type Theme } from '@mui/material/styles';
import { theme as storefrontTheme } from '../../theme';

export type WidgetMode = 'light' | 'dark';

/**
 * The widget's own theme (it lives in an iframe, so it never affects the storefront, console or
 * dashboard): the storefront's typography and shape, with a light and a dark palette.
 */
/**
 * `accent` (a shop's branding, a validated #hex) replaces the primary colour: the header, the
 * customer's bubbles and the buttons follow it; MUI derives the contrast text.
 */
export function createWidgetTheme(mode: WidgetMode, accent?: string): Theme {
  const dark = mode === 'dark';
  return createTheme({
    typography: storefrontTheme.typography as object,
    shape: storefrontTheme.shape,
    components: storefrontTheme.components,
    palette: {
      mode,
      primary: accent
        ? { main: accent }
        : dark
          ? { main: '#9fa8ff', dark: '#7c87f0', light: '#c5cbff', contrastText: '#10142b' }
          : { main: '#3949ab', dark: '#283593', light: '#5c6bc0', contrastText: '#fff' },
      secondary: dark ? { main: '#4db6ac' } : { main: '#00897b' },
      background: dark ? { default: '#0e1120', paper: '#141829' } : { default: '#f5f6fb', paper: '#ffffff' },
      divider: dark ? 'rgba(255,255,255,0.1)' : 'rgba(0,0,0,0.09)',
    },
  });
}

/** Colours that are not palette roles: header and the two kinds of incoming bubble. */
export const surfaces = (t: Theme) =>
  t.palette.mode === 'dark'
    ? { header: '#1c2240', headerText: '#eef0ff', bot: '#222842', human: '#113a35', chip: '#2a3155' }
    : { header: t.palette.primary.main, headerText: t.palette.primary.contrastText, bot: '#f0f2f8', human: '#e0f2f1', chip: '#eef0fb' };
