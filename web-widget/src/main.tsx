import type { SocketPort } from '@switchboard/shared/client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { io } from 'socket.io-client';
import { App } from './app/App';
import { loadScreens } from './app/screens';
import { createHostBridge } from './bridge/host-bridge';
import { ChatClient } from './client/chat-client';
import { localTokenStore } from './client/token-store';
import './styles/widget.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

// One bridge and one client for the frame's lifetime, outside React so StrictMode's double effects do not duplicate them.
const bridge = createHostBridge();
const tokens = localTokenStore(location.origin);
const resuming = tokens.get() !== null;
const client = new ChatClient({
  tokens,
  createSocket: (auth) =>
    io(`${location.origin}/customer`, {
      // WebSocket first; long-polling when a proxy or network blocks it.
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      autoConnect: false,
      auth: (send) => send(auth()),
    }) as unknown as SocketPort,
});

createRoot(root).render(
  <StrictMode>
    <App bridge={bridge} client={client} resuming={resuming} />
  </StrictMode>,
);

// Fetch the chat screens while the customer fills in the form, so the next step appears at once.
// Safari has no requestIdleCallback: a short delay does the same job there.
if ('requestIdleCallback' in window) requestIdleCallback(() => void loadScreens());
else setTimeout(() => void loadScreens(), 1500);
