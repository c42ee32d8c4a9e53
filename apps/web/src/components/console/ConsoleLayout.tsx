'use client';
import { useEffect, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useConsoleI18n } from '../../lib/i18n/console';

/**
 * Widths at which the console changes shape (px). At 1366 and up (the common laptop) the queue,
 * the conversation and the brief stand side by side; below, the side panels share one column as
 * tabs; below 900 everything is a tab. The middle column is `minmax(0, 1fr)`: a plain `1fr` grows to
 * its content's width, which pushed the brief off screen after a claim (issue 19).
 */
export const THREE_COLUMNS_MIN_PX = 1366;
export const TWO_COLUMNS_MIN_PX = 900;

type Pane = 'queue' | 'conversation' | 'brief';

interface Props {
  queue: ReactNode;
  conversation: ReactNode;
  /** null while no conversation is open. */
  brief: ReactNode | null;
  /** The open conversation, so a narrow screen can move to it when one is picked. */
  selectedId: string | null;
}

const column = { minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column' } as const;
/** A column holding one panel, which fills it. */
const fill = { ...column, '& > *': { flex: 1, minHeight: 0 } } as const;

export function ConsoleLayout({ queue, conversation, brief, selectedId }: Props) {
  // Server render and hydration agree on the narrow layout; the real width applies right after.
  const wide = useMediaQuery(`(min-width:${THREE_COLUMNS_MIN_PX}px)`);
  const medium = useMediaQuery(`(min-width:${TWO_COLUMNS_MIN_PX}px)`);
  const [side, setSide] = useState<'queue' | 'brief'>('queue');
  const [pane, setPane] = useState<Pane>('queue');
  const { t } = useConsoleI18n();
  // On a narrow screen, picking a conversation shows it.
  useEffect(() => setPane(selectedId ? 'conversation' : 'queue'), [selectedId]);

  const briefPane = (
    <Box data-testid="side-panel" sx={{ ...column, overflow: 'auto', bgcolor: 'background.paper', flex: 1 }}>
      {brief}
    </Box>
  );

  if (wide) {
    return (
      <Box data-layout="columns" sx={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '320px minmax(0, 1fr) 340px', gridTemplateRows: 'minmax(0, 1fr)' }}>
        <Box sx={fill}>{queue}</Box>
        <Box sx={fill}>{conversation}</Box>
        {briefPane}
      </Box>
    );
  }
  function tabs<V extends string>(value: V, onChange: (v: V) => void, items: [V, string, boolean][]) {
    return (
      <Tabs value={value} onChange={(_e, v: V) => onChange(v)} variant="fullWidth" aria-label={t.panels} sx={{ minHeight: 40, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper', '& .MuiTab-root': { minHeight: 40 } }}>
        {items.map(([v, label, disabled]) => (
          <Tab key={v} value={v} label={label} disabled={disabled} />
        ))}
      </Tabs>
    );
  }
  if (medium) {
    const shown = brief ? side : 'queue';
    return (
      <Box data-layout="side-tabs" sx={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '340px minmax(0, 1fr)', gridTemplateRows: 'minmax(0, 1fr)' }}>
        <Box sx={{ ...column, borderRight: 1, borderColor: 'divider' }}>
          {tabs<'queue' | 'brief'>(shown, setSide, [['queue', t.queue, false], ['brief', t.briefAndNotes, !brief]])}
          {shown === 'queue' ? <Box sx={{ ...fill, flex: 1 }}>{queue}</Box> : briefPane}
        </Box>
        <Box sx={fill}>{conversation}</Box>
      </Box>
    );
  }
  const shown = pane === 'queue' || !selectedId ? 'queue' : pane === 'brief' && !brief ? 'conversation' : pane;
  return (
    <Box data-layout="tabs" sx={{ ...column, flex: 1 }}>
      {tabs<Pane>(shown, setPane, [['queue', t.queue, false], ['conversation', t.conversation, !selectedId], ['brief', t.briefAndNotes, !brief]])}
      <Box sx={{ ...fill, flex: 1 }}>{shown === 'queue' ? queue : shown === 'conversation' ? conversation : briefPane}</Box>
    </Box>
  );
}
