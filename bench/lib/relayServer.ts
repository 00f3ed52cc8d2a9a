/**
 * The floor: a WebSocket relay that forwards every update and awareness frame to the other
 * clients of the same room, without any CRDT work. It answers a client's sync step 1 with an empty
 * sync step 2 so y-websocket clients consider themselves synced (they all start from an empty
 * document, so that is the truth), and drops sync step 2 frames (a relay holds no state).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';
import type { RawData } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

const MESSAGE_SYNC = 0;

export function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

function emptySyncStep2(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

export function startRelay(host: string): Promise<RunningServer> {
  const reply = emptySyncStep2();
  const rooms = new Map<string, Set<WebSocket>>();
  const http = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('relay');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  http.on('upgrade', (request, socket, head) => {
    const room = new URL(request.url ?? '/', 'http://relay').pathname;
    wss.handleUpgrade(request, socket, head, (ws) => {
      let peers = rooms.get(room);
      if (!peers) {
        peers = new Set();
        rooms.set(room, peers);
      }
      const members = peers;
      members.add(ws);
      ws.on('message', (data) => {
        const bytes = toBytes(data);
        // frame = varUint(type) [+ varUint(sub) for sync]; both are < 128 here, i.e. one byte each.
        if (bytes[0] === MESSAGE_SYNC) {
          if (bytes[1] === syncProtocol.messageYjsSyncStep1) {
            ws.send(reply);
            return;
          }
          if (bytes[1] !== syncProtocol.messageYjsUpdate) return;
        }
        for (const peer of members) {
          if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(bytes);
        }
      });
      ws.on('close', () => {
        members.delete(ws);
        if (members.size === 0) rooms.delete(room);
      });
      ws.on('error', () => undefined);
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
