'use client';
import Stack from '@mui/material/Stack';
import { BarChart } from '@mui/x-charts/BarChart';
import { SENTIMENT_COLOR } from '../../lib/dashboard/format';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import type { Series, Summary } from '../../lib/dashboard/types';
import { ChartCard, Figure } from './ChartCard';

/** CSAT score distribution (share of ratings) for AI-only vs human-handled conversations. */
export function CsatCard({ csat }: { csat: Summary['satisfaction'] }) {
  const { t, f } = useDashboardI18n();
  const share = (d: number[], n: number) => d.map((x) => (n ? Math.round((x / n) * 1000) / 10 : 0));
  return (
    <ChartCard title={t.satisfaction} subtitle={t.satisfactionSubtitle} testId="chart-csat" hasData={csat.aiOnly.n + csat.human.n > 0}>
      <Stack direction="row" gap={4} sx={{ mb: 1 }}>
        <Figure label={t.aiOnly} value={csat.aiOnly.avg === null ? '—' : t.ofFive(f.dec2(csat.aiOnly.avg))} hint={t.ratings(f.int(csat.aiOnly.n))} color="#3949ab" />
        <Figure label={t.humanHandled} value={csat.human.avg === null ? '—' : t.ofFive(f.dec2(csat.human.avg))} hint={t.ratings(f.int(csat.human.n))} color="#00897b" />
      </Stack>
      <BarChart
        height={200}
        margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
        xAxis={[{ scaleType: 'band', data: ['★1', '★2', '★3', '★4', '★5'] }]}
        yAxis={[{ width: 44, valueFormatter: (v: number) => f.pctOf100(v) }]}
        series={[
          { label: t.aiOnly, data: share(csat.aiOnly.distribution, csat.aiOnly.n), color: '#3949ab', valueFormatter: (v) => f.pctOf100(v) },
          { label: t.humanHandled, data: share(csat.human.distribution, csat.human.n), color: '#00897b', valueFormatter: (v) => f.pctOf100(v) },
        ]}
        grid={{ horizontal: true }}
      />
    </ChartCard>
  );
}

const LABELS = ['very_negative', 'negative', 'neutral', 'positive'] as const;

/**
 * Share of AI turns per customer sentiment label, per bucket, as stacked bars. (It was a stacked
 * area: a bucket with turns between empty ones — a quiet day, the first day of use — is a single
 * point, which an area chart without marks draws as nothing, while the CSV had the counts.)
 */
export function SentimentTrendCard({ sentiment }: { sentiment: Series }) {
  const totals = sentiment.points.map((p) => LABELS.reduce((a, l) => a + Number(p[l] ?? 0), 0));
  const hasData = totals.some((x) => x > 0);
  const { t, f } = useDashboardI18n();
  const fmt = f.tick(sentiment.bucket);
  return (
    <ChartCard
      title={t.sentimentTrend}
      subtitle={t.sentimentTrendSubtitle(sentiment.bucket, f.int(totals.reduce((a, x) => a + x, 0)))}
      testId="chart-sentiment"
      hasData={hasData}
    >
      <BarChart
        height={260}
        margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
        xAxis={[{ scaleType: 'band', data: sentiment.points.map((p) => fmt(new Date(p.t))), tickLabelInterval: 'auto' }]}
        yAxis={[{ width: 48, min: 0, max: 100, valueFormatter: (v: number) => f.pctOf100(v) }]}
        series={LABELS.map((l) => ({
          id: l,
          label: t.sentiments[l],
          data: sentiment.points.map((p, i) => (totals[i] ? Math.round((Number(p[l] ?? 0) / totals[i]!) * 1000) / 10 : 0)),
          stack: 'share',
          color: SENTIMENT_COLOR[l],
          valueFormatter: (v: number | null, { dataIndex }: { dataIndex: number }) =>
            totals[dataIndex] ? `${f.pctOf100(v ?? 0)} (${f.int(Number(sentiment.points[dataIndex]?.[l] ?? 0))})` : t.noAiTurns,
        }))}
        grid={{ horizontal: true }}
      />
    </ChartCard>
  );
}
