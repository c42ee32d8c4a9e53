'use client';
import { useState } from 'react';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { ConsoleUserListResponse } from '@em/contracts/rest';
import { api } from '../../lib/console/api';
import { useConsoleI18n } from '../../lib/i18n/console';
import type { ConsoleUser } from '../../lib/console/types';
import type { ConsoleData } from './useConsoleData';

/** Admins only: hand a waiting or claimed conversation to another active agent. */
export function ReassignMenu({ data, conversationId }: { data: ConsoleData; conversationId: string }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [users, setUsers] = useState<ConsoleUser[]>([]);
  const { t } = useConsoleI18n();
  const open = async (el: HTMLElement) => {
    setAnchor(el);
    const r = await api(data.gatewayUrl, '/api/users', ConsoleUserListResponse).catch(() => ({ items: [] }));
    setUsers(r.items.filter((u) => u.active));
  };
  const pick = async (agentId: string) => {
    setAnchor(null);
    const res = await data.socket?.timeout(10_000).emitWithAck('conversation:reassign', { conversationId, agentId }).catch(() => null);
    if (!res?.ok) data.setError(res && !res.ok ? res.error.code : 'no_answer');
  };
  return (
    <>
      <Button variant="text" startIcon={<SwapHorizIcon />} onClick={(e) => void open(e.currentTarget)}>
        {t.reassign}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {users.map((u) => (
          <MenuItem key={u.id} onClick={() => void pick(u.id)}>
            {u.name} ({t.roles[u.role] ?? u.role})
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
