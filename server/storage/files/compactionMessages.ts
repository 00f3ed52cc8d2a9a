/** Messages between FileDocumentStore's CompactionRunner and the compaction worker. */
export interface CompactionRequest {
  id: number;
  dir: string;
}

export type CompactionReply =
  | { ready: true }
  | { id: number; stateBytes: number | null }
  | { id: number; error: string };
