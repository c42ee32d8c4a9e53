'use client';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { CSAT_ATTRIBUTION } from '../../lib/dashboard/definitions';
import { fmtDuration, fmtInt } from '../../lib/dashboard/format';
import type { Summary } from '../../lib/dashboard/types';
import { ChartCard } from './ChartCard';

type Row = Summary['humans']['overall'];

function AgentRow({ r, name, strong }: { r: Row; name: string; strong?: boolean }) {
  const sx = strong ? { fontWeight: 700 } : undefined;
  return (
    <TableRow data-testid="agent-row" hover>
      <TableCell sx={sx}>{name}</TableCell>
      <TableCell align="right" sx={sx}>{fmtInt(r.conversations)}</TableCell>
      <TableCell align="right" sx={sx}>{fmtDuration(r.firstResponseP50Ms)}</TableCell>
      <TableCell align="right" sx={sx}>{fmtDuration(r.firstResponseP90Ms)}</TableCell>
      <TableCell align="right" sx={sx}>{fmtDuration(r.resolutionP50Ms)}</TableCell>
      <TableCell align="right" sx={sx}>{fmtDuration(r.resolutionP90Ms)}</TableCell>
      <TableCell align="right" sx={sx}>{r.csatAvg === null ? '—' : `${r.csatAvg.toFixed(2)} (${fmtInt(r.csatCount)})`}</TableCell>
    </TableRow>
  );
}

/**
 * First response (escalation → first human reply) and resolution (start → resolved), per agent.
 * An agent gets only their own row from the API (scope 'own'); the "All agents" totals name nobody.
 */
export function HumansTable({ humans }: { humans: Summary['humans'] }) {
  return (
    <ChartCard
      title={humans.scope === 'own' ? 'Human agents: your numbers' : 'Human agents'}
      subtitle="First response = escalation → first human reply; resolution = conversation start → resolved"
      testId="chart-humans"
      hasData={humans.overall.conversations > 0}
    >
      <Table size="small" sx={{ '& td, & th': { px: 1, whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell>Agent</TableCell>
            <TableCell align="right">Handled</TableCell>
            <TableCell align="right">1st resp. p50</TableCell>
            <TableCell align="right">p90</TableCell>
            <TableCell align="right">Resolution p50</TableCell>
            <TableCell align="right">p90</TableCell>
            <TableCell align="right">CSAT (n)</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {humans.perAgent.map((r) => (
            <AgentRow key={r.agentId} r={r} name={r.name ?? 'Former agent'} />
          ))}
          <AgentRow r={humans.overall} name="All agents" strong />
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }} data-testid="humans-scope">
        CSAT: {CSAT_ATTRIBUTION}
        {humans.scope === 'own' ? ' You see your own row and the team totals; admins see every agent.' : ''}
      </Typography>
    </ChartCard>
  );
}
