'use client';
import { useState } from 'react';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import { PRESETS, isValidRange, lastDays, type DayRange } from '../../lib/dashboard/range';

/** Quick presets plus explicit UTC days; an invalid pair is shown as an error and not applied. */
export function RangePicker({ value, onChange }: { value: DayRange; onChange: (r: DayRange) => void }) {
  const [draft, setDraft] = useState(value);
  const { t } = useDashboardI18n();
  const preset = PRESETS.find((p) => {
    const r = lastDays(p.days);
    return r.fromDay === value.fromDay && r.toDay === value.toDay;
  });
  const set = (patch: Partial<DayRange>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (isValidRange(next)) onChange(next);
  };
  const invalid = !isValidRange(draft);
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} gap={1.5} alignItems={{ md: 'center' }}>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={preset?.days ?? null}
        onChange={(_e, days: number | null) => {
          if (!days) return;
          const r = lastDays(days);
          setDraft(r);
          onChange(r);
        }}
        aria-label={t.quickRange}
      >
        {PRESETS.map((p) => (
          <ToggleButton key={p.days} value={p.days} sx={{ px: 1.5 }}>
            {t.presets[p.days] ?? p.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Stack direction="row" gap={1}>
        <TextField
          size="small"
          type="date"
          label={t.fromUtc}
          value={draft.fromDay}
          onChange={(e) => set({ fromDay: e.target.value })}
          error={invalid}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'range-from' } }}
        />
        <TextField
          size="small"
          type="date"
          label={t.toUtc}
          value={draft.toDay}
          onChange={(e) => set({ toDay: e.target.value })}
          error={invalid}
          helperText={invalid ? t.rangeInvalid : undefined}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'range-to' } }}
        />
      </Stack>
    </Stack>
  );
}
