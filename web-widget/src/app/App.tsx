import type { Locale, Prechat } from '@switchboard/shared';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { HostBridge } from '../bridge/host-bridge';
import type { ChatClient } from '../client/chat-client';
import { Header } from '../components/Header';
import { PrechatForm } from '../components/PrechatForm';
import { useChatState } from '../hooks/use-chat-state';
import { useHost } from '../hooks/use-host';
import { useTopics } from '../hooks/use-topics';
import { useWidgetSettings } from '../hooks/use-widget-settings';
import { translatorFor } from '../i18n';
import { webPage, type PrechatValues } from '../prechat/validate';
import { brandStyle } from './brand';
import { FrameState } from './FrameState';
import { focusFirst } from './focus';
import { loadScreens } from './screens';

// Everything after the pre-chat form loads on demand: the JS that shows the form stays within 45 KB gzip
// (tests/widget-app/size-budget.test.ts).
const ConversationView = lazy(() => loadScreens().then((screens) => ({ default: screens.ConversationView })));
const OfflineForm = lazy(() => loadScreens().then((screens) => ({ default: screens.OfflineForm })));
const OfflineSent = lazy(() => loadScreens().then((screens) => ({ default: screens.OfflineSent })));

interface AppProps {
  bridge: HostBridge;
  client: ChatClient;
  /** A visitor token was stored: wait for the server before offering a new chat. */
  resuming: boolean;
}

/** The browser's IANA time zone (emails show times in it), when it has one the server can check. */
function browserTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone.length <= 64 ? zone : undefined;
}

function toPrechat(values: PrechatValues, locale: Locale, pageUrl: string | undefined): Prechat {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const name = optional(values.name);
  const email = optional(values.email);
  const region = optional(values.region);
  return {
    topic: values.topic || 'general',
    language: locale,
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...(region ? { region } : {}),
    ...(webPage(pageUrl) ? { pageUrl } : {}),
    userAgent: navigator.userAgent.slice(0, 512),
    ...(browserTimeZone() ? { timeZone: browserTimeZone() } : {}),
  };
}

/** The widget: pre-chat form, then queue, chat and end screen; or the offline form. */
export function App({ bridge, client, resuming }: AppProps) {
  const host = useHost(bridge);
  const chat = useChatState(client);
  const topics = useTopics();
  const { settings, reload: reloadSettings } = useWidgetSettings();
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  /** The host page called `setLocale` since the customer last chose (in the form, or by starting a chat). */
  const [hostChose, setHostChose] = useState(false);
  // A chat keeps the language it started in, across reloads, the customer's other devices and
  // reconnects (the server's record says which); the host page calling setLocale still wins.
  const chatLocale = chat.conversation?.language;
  const locale = (hostChose ? host.locale : undefined) ?? chatLocale ?? chosenLocale ?? host.locale;
  const t = useMemo(() => translatorFor(locale), [locale]);
  const [offlineDraft, setOfflineDraft] = useState<PrechatValues | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const [unread, setUnread] = useState(0);
  const main = useRef<HTMLElement>(null);
  const openRef = useRef(host.open);
  openRef.current = host.open;

  // The host page changing the language wins over an earlier pick in the form, and over the chat's.
  useEffect(() => setChosenLocale(null), [host.locale]);
  useEffect(() => setHostChose(host.localeCalls > 0), [host.localeCalls]);
  const chooseLocale = (picked: Locale) => {
    setChosenLocale(picked);
    setHostChose(false);
  };
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => client.setIdentity(host.identity), [client, host.identity]);
  useEffect(
    () =>
      client.onIncoming((message) => {
        bridge.post({ type: 'event', name: 'message', data: { author: message.author.kind, text: message.body } });
        if (!openRef.current) setUnread((count) => count + 1);
      }),
    [bridge, client],
  );
  useEffect(() => {
    if (host.open) setUnread(0);
  }, [host.open]);
  useEffect(() => bridge.post({ type: 'state', open: host.open, unread }), [bridge, host.open, unread]);

  const conversation = chat.conversation;
  const view = chat.fatal
    ? 'fatal'
    : chat.left
      ? 'left'
      : offlineDraft && conversation?.status !== 'active' && conversation?.status !== 'closed'
        ? 'offline'
        : conversation
          ? 'conversation'
          : (resuming && !chat.ready) || topics === null || settings === null
            ? 'loading'
            : 'form';
  // Keyboard and screen-reader users land on the first thing to do when the panel opens or the step changes.
  useEffect(() => {
    return host.open && view !== 'conversation' ? focusFirst(main.current) : undefined;
  }, [host.open, view]);

  const start = (values: PrechatValues) => {
    setBusy(true);
    setProblem(null);
    void client.start(toPrechat(values, locale, host.config?.pageUrl)).then((result) => {
      setBusy(false);
      if (result.ok) {
        // The chat now speaks the language it started in; only a later setLocale changes that.
        setHostChose(false);
        return;
      }
      setProblem(t(result.error.code === 'RATE_LIMITED' ? 'limit.start' : 'prechat.startFailed'));
      // The admins made a field required since the form was drawn: draw it again as they set it,
      // so the form itself asks for the field on the next try.
      if (result.error.code === 'PRECHAT_FIELD_REQUIRED') reloadSettings();
    });
  };

  // An identified customer with nothing left to choose skips the pre-chat form and goes straight into the queue.
  const autoStart = useRef(false);
  useEffect(() => {
    if (view !== 'form' || !host.identity || autoStart.current || topics === null || settings === null) return;
    // A region the deployment requires and the host did not give: the customer fills the form.
    if (settings.fields.region === 'required' && !host.prefill.region) return;
    const topic =
      topics.find((candidate) => candidate.key === host.prefill.topic) ?? (topics.length === 1 ? topics[0] : undefined);
    if (topics.length > 0 && !topic?.openNow) return;
    autoStart.current = true;
    start({
      name: host.identity.name ?? '',
      email: host.identity.email ?? '',
      topic: topic?.key ?? '',
      region: host.prefill.region ?? '',
    });
  });

  const live = conversation && conversation.status !== 'closed' ? conversation : null;
  const screenProps = { t, locale, client, chat, open: host.open, transcriptOffer: settings?.transcriptOffer ?? true };
  return (
    // The admins' brand colour wins over the snippet's: the console is where a deployment is styled.
    <div className="sb-app" style={brandStyle(settings?.colors.brand ?? host.config?.color)}>
      <Header
        t={t}
        agent={conversation?.status === 'queued' ? undefined : conversation?.agent}
        onEnd={live ? () => setConfirmingEnd(true) : undefined}
        onClose={() => bridge.post({ type: 'requestClose' })}
      />
      {chat.connection === 'offline' && !chat.fatal && (chat.ready || chat.connectionLimited) ? (
        <p className="sb-banner" role="status">
          {t(chat.connectionLimited ? 'limit.connections' : 'offline')}
        </p>
      ) : null}
      <main className="sb-main" ref={main}>
        <Suspense fallback={<p className="sb-loading">{t('connecting')}</p>}>
          {view === 'fatal' ? (
            <p className="sb-notice" role="status">
              {t(chat.fatal?.code === 'VISITOR_BLOCKED' ? 'blocked' : 'unavailable')}
            </p>
          ) : null}
          {view === 'loading' ? <p className="sb-loading">{resuming ? t('resuming') : t('connecting')}</p> : null}
          {view === 'left' && chat.left ? (
            <OfflineSent
              {...screenProps}
              left={chat.left}
              onDone={() => {
                setOfflineDraft(null);
                client.newChat();
              }}
            />
          ) : null}
          {view === 'conversation' && conversation ? (
            <ConversationView
              {...screenProps}
              conversation={conversation}
              confirmingEnd={confirmingEnd}
              onEndDone={() => setConfirmingEnd(false)}
              onLeaveMessage={() =>
                setOfflineDraft({
                  name: chat.customer?.name ?? '',
                  email: chat.customer?.email ?? '',
                  topic: conversation.topic,
                  region: '',
                })
              }
            />
          ) : null}
          {view === 'offline' && offlineDraft ? (
            <OfflineForm
              {...screenProps}
              draft={offlineDraft}
              identity={host.identity}
              pageUrl={host.config?.pageUrl}
              onCancel={() => setOfflineDraft(null)}
            />
          ) : null}
          {view === 'form' && topics && settings ? (
            <PrechatForm
              t={t}
              locale={locale}
              onLocale={chooseLocale}
              topics={topics}
              form={settings.fields}
              greeting={settings.greeting[locale]}
              prefill={host.prefill}
              identity={host.identity}
              busy={busy}
              problem={problem}
              onStart={start}
              onLeaveMessage={setOfflineDraft}
            />
          ) : null}
        </Suspense>
      </main>
      <FrameState locale={locale} open={host.open} host={host} />
    </div>
  );
}
