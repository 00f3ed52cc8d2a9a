/**
 * The browser's provider announces only its own presence (`announceOwnAwarenessOnly`): a stock
 * y-websocket client re-sends every presence change it receives (other users' carets, the server's
 * presence with the drafting checker's findings) back to the server; ours sends its own only, and
 * everyone still sees everyone.
 */
import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { announceOwnAwarenessOnly } from '../../client/src/features/document/lib/ownAwarenessOnly.js';
import { waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { collabSuite } from '../helpers/collabSuite.js';

const MESSAGE_AWARENESS = 1;

const suite = collabSuite();

/** The client ids of every awareness message the client sends from now on. */
function announcedClients(client: Client): number[] {
  const announced: number[] = [];
  const ws = client.provider.ws;
  if (!ws) throw new Error('not connected');
  const send = ws.send.bind(ws);
  ws.send = (data: Parameters<typeof ws.send>[0]) => {
    const decoder = decoding.createDecoder(new Uint8Array(data as ArrayBuffer));
    if (decoding.readVarUint(decoder) === MESSAGE_AWARENESS) {
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = decoding.readVarUint(update);
      for (let i = 0; i < count; i++) {
        announced.push(decoding.readVarUint(update));
        decoding.readVarUint(update);
        decoding.readVarString(update);
      }
    }
    send(data);
  };
  return announced;
}

function sees(observer: Client, other: Client, value: number): boolean {
  return observer.provider.awareness.getStates().get(other.doc.clientID)?.probe === value;
}

describe('presence announcements', () => {
  it('sends its own presence only, where a stock client re-sends everyone’s', async () => {
    const ours = await suite.connected();
    announceOwnAwarenessOnly(ours.provider);
    const stock = await suite.connected();
    const typist = await suite.connected();
    const oursSent = announcedClients(ours);
    const stockSent = announcedClients(stock);

    for (let value = 1; value <= 3; value++) {
      typist.provider.awareness.setLocalStateField('probe', value);
      await waitFor(() => sees(ours, typist, value) && sees(stock, typist, value), `presence ${value} arrives`);
    }
    ours.provider.awareness.setLocalStateField('probe', 7);
    await waitFor(() => sees(typist, ours, 7) && sees(stock, ours, 7), 'our presence arrives');

    expect(stockSent).toContain(typist.doc.clientID);
    expect(oursSent).not.toContain(typist.doc.clientID);
    expect(oursSent).not.toContain(stock.doc.clientID);
    expect(oursSent).toContain(ours.doc.clientID);
  });
});
