'use client';
import Box from '@mui/material/Box';
import { ThemeProvider } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Composer } from './Composer';
import { Csat } from './Csat';
import { EmailFollowUp } from './EmailFollowUp';
import { MessageList } from './MessageList';
import { ConnectionBanner, StatusBanner } from './StatusBanner';
import { useChat, type ChatEvent } from './useChat';
import { useParentBridge } from './useParentBridge';
import { WidgetHeader } from './WidgetHeader';
import { HoursNotice, useSiteClosed } from './HoursNotice';
import { createWidgetTheme } from './widgetTheme';
import { FileAccessProvider } from '../attachments/FileAccess';
import { attachmentStrings } from '../../lib/i18n/attachments';
import { can } from '@em/conversations/machine';
import { ownerLine } from '../../lib/chat/labels';
import { I18nProvider, messagesFor, pickLocale } from '../../lib/i18n';

interface Props {
  /** From the server's env (PUBLIC_GATEWAY_URL); never from the page URL or the parent. */
  gatewayUrl: string;
  /** Used only when no loader sends em:init (the page was opened directly). */
  defaultSiteKey: string;
}

export function ChatWidget({ gatewayUrl, defaultSiteKey }: Props) {
  const { config, appearance, framed, visible, visibleRef, post } = useParentBridge(defaultSiteKey);
  const [unread, setUnread] = useState(0);
  /** The chat asked for an email to follow up on a ticket (issue 20): the inline form shows. */
  const [emailRequested, setEmailRequested] = useState(false);
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const mode = appearance.theme === 'auto' ? (prefersDark ? 'dark' : 'light') : appearance.theme;

  const onEvent = useCallback(
    (e: ChatEvent) => {
      switch (e.type) {
        case 'ready': {
          const { conversationId, verified, status } = e.session;
          setEmailRequested(!!e.session.emailRequested);
          return post({ type: 'em:ready', conversationId, verified, status });
        }
        case 'message':
          post({ type: 'em:message', message: e.message });
          if (!visibleRef.current && (e.message.role === 'bot' || e.message.role === 'human')) setUnread((n) => n + 1);
          return;
        case 'status':
          return post({ type: 'em:status', status: e.status, queuePosition: e.queuePosition });
        case 'handoff':
          return post({ type: 'em:handoff', ...e.handoff });
        case 'email-requested':
          return setEmailRequested(e.requested);
      }
    },
    [post, visibleRef],
  );

  const chat = useChat(gatewayUrl, config, onEvent);
  const { state } = chat;

  useEffect(() => {
    if (visible) setUnread(0);
  }, [visible]);
  useEffect(() => post({ type: 'em:unread', count: unread }), [unread, post]);

  const close = useCallback(() => post({ type: 'em:close' }), [post]);
  useEffect(() => {
    if (!framed) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [framed, close]);

  // Language: the loader's `locale`, then the shop's setting, then the browser's languages.
  const [browserLanguages, setBrowserLanguages] = useState<readonly string[]>([]);
  useEffect(() => setBrowserLanguages(navigator.languages ?? [navigator.language]), []);
  const locale = pickLocale(appearance.locale, state.site?.locale, browserLanguages);
  const t = messagesFor(locale);
  const site = state.site;
  const theme = useMemo(() => createWidgetTheme(mode, site?.accentColor), [mode, site?.accentColor]);
  // Outside the shop's business hours (issue 20): say when people are back; a request becomes a ticket.
  const hours = useSiteClosed(state.hours, appearance.locale ?? locale);

  const who = config?.identity?.name || config?.identity?.email;
  const subtitle =
    state.connection === 'offline'
      ? t.subtitleOffline
      : state.everReady && state.verified && who
        ? t.signedInAs(who)
        : (site?.subtitle ?? t.subtitle);

  return (
    <I18nProvider locale={locale}>
      <ThemeProvider theme={theme}>
        <Box
          data-testid="chat-widget"
          data-theme={mode}
          data-locale={locale}
          lang={locale}
          data-conversation-id={state.conversationId}
          data-connection={state.connection}
          sx={{ height: '100dvh', display: 'flex', flexDirection: 'column', bgcolor: 'background.paper', color: 'text.primary', colorScheme: mode }}
        >
          <WidgetHeader
            title={site?.title ?? t.brand}
            logoUrl={site?.logoUrl}
            subtitle={subtitle}
            online={state.connection === 'online'}
            ownerLine={ownerLine(t, state.status, state.agentName)}
            // The same rule the server applies (@em/conversations/machine): shown only when a request would be taken.
            canRequestHuman={state.everReady && can({ kind: 'customer' }, 'request_human', { status: state.status })}
            onRequestHuman={chat.requestHuman}
            requestHint={hours.closed ? t.talkToPersonClosed(hours.when) : undefined}
            onClose={framed ? close : undefined}
          />
          <HoursNotice {...hours} />
          <ConnectionBanner
            connection={state.connection}
            everReady={state.everReady}
            notice={state.notice}
            onDismiss={chat.dismissNotice}
          />
          <StatusBanner status={state.status} queuePosition={state.queuePosition} agentName={state.agentName} />
          {/* Bubbles fetch their files with this chat's session token (issue 20). */}
          <FileAccessProvider value={{ gatewayUrl, auth: chat.sessionToken ? { bearer: chat.sessionToken } : null, strings: attachmentStrings(locale) }}>
          <MessageList
            messages={state.messages}
            typing={state.typing}
            locale={appearance.locale ?? locale}
            welcome={site?.welcomeMessage}
            onRetry={chat.retry}
            onRevealed={chat.revealed}
            footer={state.status === 'resolved' ? <Csat rated={state.rated} onRate={chat.rate} /> : undefined}
          />
          </FileAccessProvider>
          <EmailFollowUp requested={emailRequested} canTranscript={state.everReady && state.messages.length > 0} actions={chat.emailActions} />
          <Composer disabled={!chat.ready} focus={visible} locale={appearance.locale ?? locale} onSend={chat.send} onTyping={chat.typing} upload={chat.upload} />
        </Box>
      </ThemeProvider>
    </I18nProvider>
  );
}
