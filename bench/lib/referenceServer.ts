/**
 * The reference y-websocket server (`@y/websocket-server` 0.1.1, the yjs-13 line) run in-process
 * the way its own `server.js` does: an HTTP server whose upgrades go to `setupWSConnection`.
 * Memory persistence only (YPERSISTENCE unset). Its document name is the URL path, so
 * `/collab/<id>` works unchanged.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import type { RunningServer } from './relayServer.js';

export function startReference(host: string): Promise<RunningServer> {
  const http = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('okay');
  });
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', setupWSConnection);
  http.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      wss.emit('connection', ws, request);
    });
  });
  return new Promise((resolve) => {
    http.listen(0, host, () => {
      const { port } = http.address() as AddressInfo;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const ws of wss.clients) ws.terminate();
            wss.close();
            http.close(() => done());
          }),
      });
    });
  });
}
