'use client';
import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import { SiteSettingsItem, SiteSettingsListResponse, UI_LOCALES, type SiteOpenState } from '@em/contracts/site';
import { api, ApiError } from '../../lib/console/api';
import { useConsoleI18n } from '../../lib/i18n/console';
import { SiteHoursFields } from './SiteHoursFields';
import { toForm, validate, type SiteForm } from './site-settings-form';
import { formatSiteTime, SITE_SETTINGS_TEXT, type SiteSettingsText } from './site-settings-text';

const HEX = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

export function openStateLabel(state: SiteOpenState, t: SiteSettingsText, locale: string) {
  if (state.open) return t.openNow;
  return state.nextOpenAt ? t.closedUntil(formatSiteTime(state.nextOpenAt, locale, state.timeZone)) : t.closedNow;
}

/** The widget's header and welcome as the customer will see them with these settings. */
function BrandPreview({ form, t }: { form: SiteForm; t: SiteSettingsText }) {
  const accent = HEX.test(form.accentColor) ? form.accentColor : '#1a237e';
  return (
    <Box data-testid="brand-preview" aria-label={t.preview} sx={{ border: 1, borderColor: 'divider', borderRadius: 2, overflow: 'hidden', maxWidth: 360 }}>
      <Box sx={{ bgcolor: accent, color: '#fff', px: 1.5, py: 1.25, display: 'flex', gap: 1.25, alignItems: 'center' }}>
        <Avatar src={form.logoUrl || undefined} alt="" sx={{ width: 32, height: 32, bgcolor: 'rgba(255,255,255,.16)' }}>
          <SupportAgentIcon fontSize="small" />
        </Avatar>
        <Box sx={{ minWidth: 0 }}>
          <Typography fontWeight={700} noWrap>{form.title || 'ElectroMart Support'}</Typography>
          <Typography variant="caption" sx={{ opacity: 0.85 }} noWrap component="div">{form.subtitle || '—'}</Typography>
        </Box>
      </Box>
      <Box sx={{ p: 1.5, bgcolor: 'background.default' }}>
        <Box sx={{ bgcolor: 'background.paper', borderRadius: 2, px: 1.25, py: 1, fontSize: 14, border: 1, borderColor: 'divider' }}>{form.welcomeMessage || t.previewWelcome}</Box>
      </Box>
    </Box>
  );
}

/** /console/admin → Sites: each shop's branding and business hours (GET/PUT /api/sites). */
export function SiteSettingsCard({ gatewayUrl }: { gatewayUrl: string }) {
  const { locale, error: errorText } = useConsoleI18n();
  const t = SITE_SETTINGS_TEXT[locale];
  const [sites, setSites] = useState<SiteSettingsItem[]>([]);
  const [key, setKey] = useState('');
  const [form, setForm] = useState<SiteForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      const r = await api(gatewayUrl, '/api/sites', SiteSettingsListResponse);
      setSites(r.items);
      const pick = r.items.find((s) => s.siteKey === key) ?? r.items[0];
      if (pick) {
        setKey(pick.siteKey);
        setForm(toForm(pick));
      }
    } catch (err) {
      setMessage({ severity: 'error', text: err instanceof ApiError ? errorText(err.body.code) : errorText('unreachable') });
    }
    // `key` is read once per load on purpose: reloading after a save keeps the site being edited.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gatewayUrl]);
  useEffect(() => void load(), [load]);

  const site = sites.find((s) => s.siteKey === key);
  const change = (f: SiteForm) => {
    setForm(f);
    setMessage(null);
    if (Object.keys(errors).length) setErrors(validate(f).errors);
  };
  const save = async () => {
    if (!form) return;
    const { body, errors: found } = validate(form);
    setErrors(found);
    if (Object.keys(found).length) return setMessage({ severity: 'error', text: t.invalid });
    setSaving(true);
    try {
      const saved = await api(gatewayUrl, `/api/sites/${encodeURIComponent(key)}`, SiteSettingsItem, { method: 'PUT', body: JSON.stringify(body) });
      setSites((all) => all.map((s) => (s.siteKey === saved.siteKey ? saved : s)));
      setForm(toForm(saved));
      setMessage({ severity: 'success', text: t.saved });
    } catch (err) {
      setMessage({ severity: 'error', text: err instanceof ApiError ? `${errorText(err.body.code)} ${err.body.code === 'invalid_payload' ? err.body.message : ''}`.trim() : errorText('unreachable') });
    } finally {
      setSaving(false);
    }
  };
  const field = (name: keyof SiteForm & string, label: string, helper?: string, extra: object = {}) => (
    <TextField
      size="small"
      fullWidth
      label={label}
      value={form?.[name] ?? ''}
      onChange={(e) => form && change({ ...form, [name]: e.target.value })}
      error={!!errors[`branding.${name}`]}
      helperText={errors[`branding.${name}`] ?? helper}
      {...extra}
    />
  );

  return (
    <Card component="section" aria-labelledby="sites-heading">
      <CardContent>
        <Stack direction="row" alignItems="center" spacing={2} sx={{ mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
          <Typography id="sites-heading" variant="h6">{t.sites}</Typography>
          {sites.length > 1 && (
            <TextField select size="small" label={t.site} value={key} sx={{ minWidth: 200 }} onChange={(e) => { const s = sites.find((x) => x.siteKey === e.target.value); if (s) { setKey(s.siteKey); setForm(toForm(s)); setErrors({}); setMessage(null); } }}>
              {sites.map((s) => <MenuItem key={s.siteKey} value={s.siteKey}>{s.branding.title ? `${s.branding.title} (${s.siteKey})` : s.siteKey}</MenuItem>)}
            </TextField>
          )}
          {site && <Chip size="small" data-testid="site-state" color={site.state.open ? 'success' : 'default'} label={openStateLabel(site.state, t, locale)} />}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{t.sitesHelp}</Typography>
        {message && <Alert severity={message.severity} sx={{ mb: 2 }} role={message.severity === 'error' ? 'alert' : 'status'}>{message.text}</Alert>}
        {form && (
          <Stack spacing={2}>
            <Typography variant="subtitle1" fontWeight={600}>{t.branding}</Typography>
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, md: 7 }}>
                <Stack spacing={1.5}>
                  {field('title', t.title)}
                  {field('subtitle', t.subtitle)}
                  <Stack direction="row" spacing={1} alignItems="flex-start">
                    {field('accentColor', t.accentColor, t.accentHelp)}
                    <Box
                      component="input"
                      type="color"
                      aria-label={`${t.accentColor} (picker)`}
                      value={HEX.test(form.accentColor) && form.accentColor.length === 7 ? form.accentColor : '#1a237e'}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) => change({ ...form, accentColor: e.target.value })}
                      sx={{ width: 44, height: 40, p: 0, border: 0, bgcolor: 'transparent', cursor: 'pointer', flexShrink: 0 }}
                    />
                  </Stack>
                  {field('logoUrl', t.logoUrl, t.logoHelp)}
                  {field('welcomeMessage', t.welcome, undefined, { multiline: true, minRows: 2 })}
                  {field('locale', t.locale, undefined, {
                    select: true,
                    children: [<MenuItem key="" value="">{t.localeNone}</MenuItem>, ...UI_LOCALES.map((l) => <MenuItem key={l} value={l}>{new Intl.DisplayNames([locale], { type: 'language' }).of(l) ?? l}</MenuItem>)],
                  })}
                </Stack>
              </Grid>
              <Grid size={{ xs: 12, md: 5 }}>
                <Typography variant="body2" fontWeight={600} sx={{ mb: 1 }}>{t.preview}</Typography>
                <BrandPreview form={form} t={t} />
              </Grid>
            </Grid>
            <Divider />
            <Typography variant="subtitle1" fontWeight={600}>{t.hours}</Typography>
            <SiteHoursFields form={form} errors={errors} t={t} onChange={change} />
            <Box>
              <Button variant="contained" onClick={() => void save()} disabled={saving}>{t.save}</Button>
            </Box>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
