'use client';
import { useMemo, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import { WEEKDAYS } from '@em/contracts/site';
import { errorUnder, type SiteForm } from './site-settings-form';
import type { SiteSettingsText } from './site-settings-text';

interface Props {
  form: SiteForm;
  errors: Record<string, string>;
  t: SiteSettingsText;
  onChange: (f: SiteForm) => void;
}

/** Time zone, weekly spans per day and holidays of one site (the admin page's Sites section). */
export function SiteHoursFields({ form, errors, t, onChange }: Props) {
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC']), []);
  const [holiday, setHoliday] = useState('');
  const setDay = (d: (typeof WEEKDAYS)[number], spans: SiteForm['days'][typeof d]) => onChange({ ...form, days: { ...form.days, [d]: spans } });

  return (
    <Stack spacing={1.5}>
      <FormControlLabel
        control={<Switch checked={form.hoursOn} onChange={(e) => onChange({ ...form, hoursOn: e.target.checked })} />}
        label={t.hoursOn}
      />
      {!form.hoursOn && <Typography variant="body2" color="text.secondary">{t.hoursOff}</Typography>}
      <Autocomplete
        size="small"
        options={zones}
        value={form.timeZone || null}
        onChange={(_e, v) => onChange({ ...form, timeZone: v ?? '' })}
        sx={{ maxWidth: 320 }}
        renderInput={(p) => <TextField {...p} label={t.timeZone} error={!!errors['hours.timeZone']} helperText={errors['hours.timeZone']} />}
      />
      {form.hoursOn && (
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }} aria-label={t.hours}>
          {WEEKDAYS.map((d) => {
            const spans = form.days[d];
            const err = errorUnder(errors, `hours.businessHours.${d}`);
            return (
              <Box key={d} data-testid={`hours-${d}`} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, py: 0.5, flexWrap: 'wrap', borderBottom: 1, borderColor: 'divider' }}>
                <Typography variant="body2" sx={{ width: 100, pt: 1, fontWeight: 600 }}>{t.days[d]}</Typography>
                <Box sx={{ flex: 1, minWidth: 220 }}>
                  {spans.length === 0 && <Typography variant="body2" color="text.secondary" sx={{ pt: 1 }}>{t.closed}</Typography>}
                  {spans.map((s, i) => (
                    <Stack key={i} direction="row" spacing={1} alignItems="center" sx={{ mb: 0.5 }}>
                      <TextField size="small" type="time" label={t.from} value={s.from} error={!!err} onChange={(e) => setDay(d, spans.map((x, j) => (j === i ? { ...x, from: e.target.value } : x)))} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'aria-label': `${t.days[d]} ${t.from} ${i + 1}` } }} />
                      <TextField size="small" type="time" label={t.to} value={s.to === '24:00' ? '23:59' : s.to} error={!!err} onChange={(e) => setDay(d, spans.map((x, j) => (j === i ? { ...x, to: e.target.value } : x)))} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'aria-label': `${t.days[d]} ${t.to} ${i + 1}` } }} />
                      <IconButton size="small" aria-label={`${t.removeSpan} (${t.days[d]})`} onClick={() => setDay(d, spans.filter((_x, j) => j !== i))}><CloseIcon fontSize="small" /></IconButton>
                    </Stack>
                  ))}
                  {err && <FormHelperText error>{err}</FormHelperText>}
                </Box>
                <Button size="small" startIcon={<AddIcon />} disabled={spans.length >= 4} onClick={() => setDay(d, [...spans, spans.length ? { from: '13:00', to: '17:00' } : { from: '09:00', to: '17:00' }])} aria-label={`${t.addSpan} (${t.days[d]})`}>
                  {t.addSpan}
                </Button>
              </Box>
            );
          })}
        </Box>
      )}
      <Box>
        <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>{t.holidays}</Typography>
        <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          {form.holidays.map((h) => (
            <Chip key={h} label={h} size="small" onDelete={() => onChange({ ...form, holidays: form.holidays.filter((x) => x !== h) })} deleteIcon={<CloseIcon aria-label={t.removeHoliday(h)} />} />
          ))}
          <TextField size="small" type="date" value={holiday} onChange={(e) => setHoliday(e.target.value)} slotProps={{ htmlInput: { 'aria-label': t.holidays } }} />
          <Button size="small" disabled={!holiday || form.holidays.includes(holiday)} onClick={() => { onChange({ ...form, holidays: [...form.holidays, holiday] }); setHoliday(''); }}>
            {t.addHoliday}
          </Button>
        </Stack>
        {errorUnder(errors, 'hours.holidays') && <FormHelperText error>{errorUnder(errors, 'hours.holidays')}</FormHelperText>}
      </Box>
    </Stack>
  );
}
