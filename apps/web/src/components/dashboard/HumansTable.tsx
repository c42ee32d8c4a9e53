'use client';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import type { Summary } from '../../lib/dashboard/types';
import { ChartCard } from './ChartCard';

type Row = Summary['humans']['overall'];

function AgentRow({ r, name, strong }: { r: Row; name: string; strong?: boolean }) {
  const sx = strong ? { fontWeight: 700 } : undefined;
  const { f } = useDashboardI18n();
  return (
    <TableRow data-testid="agent-row" hover>
      <TableCell sx={sx}>{name}</TableCell>
      <TableCell align="right" sx={sx}>{f.int(r.conversations)}</TableCell>
      <TableCell align="right" sx={sx}>{f.duration(r.firstResponseP50Ms)}</TableCell>
      <TableCell align="right" sx={sx}>{f.duration(r.firstResponseP90Ms)}</TableCell>
      <TableCell align="right" sx={sx}>{f.duration(r.resolutionP50Ms)}</TableCell>
      <TableCell align="right" sx={sx}>{f.duration(r.resolutionP90Ms)}</TableCell>
      <TableCell align="right" sx={sx}>{r.csatAvg === null ? '—' : `${f.dec2(r.csatAvg)} (${f.int(r.csatCount)})`}</TableCell>
    </TableRow>
  );
}

/**
 * First response (escalation → first human reply) and resolution (start → resolved), per agent.
 * An agent gets only their own row from the API (scope 'own'); the "All agents" totals name nobody.
 */
export function HumansTable({ humans }: { humans: Summary['humans'] }) {
  const { t } = useDashboardI18n();
  return (
    <ChartCard
      title={humans.scope === 'own' ? t.humanAgentsOwn : t.humanAgents}
      subtitle={t.humanAgentsSubtitle}
      testId="chart-humans"
      hasData={humans.overall.conversations > 0}
    >
      <Table size="small" sx={{ '& td, & th': { px: 1 }, '& td': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell>{t.colAgent}</TableCell>
            <TableCell align="right">{t.colHandled}</TableCell>
            <TableCell align="right">{t.colFirstResponse}</TableCell>
            <TableCell align="right">{t.colP90}</TableCell>
            <TableCell align="right">{t.colResolution}</TableCell>
            <TableCell align="right">{t.colP90}</TableCell>
            <TableCell align="right">{t.colCsat}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {humans.perAgent.map((r) => (
            <AgentRow key={r.agentId} r={r} name={r.name ?? t.formerAgent} />
          ))}
          <AgentRow r={humans.overall} name={t.allAgents} strong />
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }} data-testid="humans-scope">
        {t.csatPrefix(t.csatAttribution)}
        {humans.scope === 'own' ? t.ownScope : ''}
      </Typography>
    </ChartCard>
  );
}
