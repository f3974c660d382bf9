/**
 * Benchmark: fan-out latency of the embedded Pusher-protocol server.
 *
 *   npm run bench:realtime
 *
 * Starts the embedded server (src/server/integrations/realtime/embedded-server.ts) on a free
 * loopback port, connects BENCH_RT_CLIENTS clients (default 500) to one private channel (each
 * subscription signed with the `pusher` SDK's authorizeChannel), then triggers BENCH_RT_EVENTS
 * events (default 50) through the official `pusher` SDK (HTTP API, exactly as the app does),
 * BENCH_RT_INTERVAL_MS apart (default 50 ms). Each event carries its send time, taken just before
 * the SDK call; every client notes its receipt time. Latency = trigger call → client receipt,
 * for every (event, client) pair.
 *
 * Clients are `pusher-js` 8.6 (its Node build) by default, or bare `ws` sockets speaking the
 * protocol (BENCH_RT_CLIENT=ws). They run in worker threads (BENCH_RT_WORKERS, default CPUs − 1,
 * at least 1, at most 4) so that client-side parsing does not share the server's event loop; the
 * server and the SDK stay on the main thread. Both sides read process.hrtime.bigint(), one
 * monotonic clock for all threads of the process.
 *
 * Prints p50/p95/p99/max, deliveries received/expected and the machine. Goal: p95 < 100 ms.
 */
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import Pusher from "pusher";
import PusherClient from "pusher-js";
import { WebSocket } from "ws";
import { startEmbeddedRealtimeServer } from "../src/server/integrations/realtime/embedded-server";
import { signChannelAuth } from "../src/server/integrations/realtime/pusher-protocol";

const APP = { appId: "bench", key: "bench-key", secret: "bench-secret" };
const CHANNEL = "private-bench";
const EVENT = "tick";

const num = (name: string, fallback: number, max = Number.MAX_SAFE_INTEGER) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.min(v, max) : fallback;
};

type ClientKind = "pusher-js" | "ws";
type WorkerInput = { port: number; clients: number; kind: ClientKind; events: number; firstClient: number };
type WorkerMessage =
  | { type: "ready"; connected: number; failed: number }
  | { type: "result"; latenciesMs: Float64Array; seqs: Uint32Array; received: number }
  | { type: "error"; message: string };

const now = () => process.hrtime.bigint();
const msBetween = (from: bigint, to: bigint) => Number(to - from) / 1e6;

// ---------------------------------------------------------------------------------------------
// Worker: connect clients, record receipt latencies

async function runWorker(input: WorkerInput) {
  const latencies: number[] = [];
  const seqs: number[] = [];
  const expected = input.clients * input.events;
  let received = 0;
  const closers: (() => void)[] = [];
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const onTick = (data: unknown) => {
    const at = now();
    const payload = (typeof data === "string" ? JSON.parse(data) : data) as { seq: number; sentAt: string };
    latencies.push(msBetween(BigInt(payload.sentAt), at));
    seqs.push(payload.seq);
    received++;
    if (received === expected) finish();
  };

  function connectPusherJs(): Promise<void> {
    const signer = new Pusher({ ...APP, host: "127.0.0.1" }); // signs only
    return new Promise<void>((resolve, reject) => {
      const client = new PusherClient(APP.key, {
        cluster: "",
        wsHost: "127.0.0.1",
        wsPort: input.port,
        forceTLS: false,
        enabledTransports: ["ws"],
        channelAuthorization: {
          customHandler: ({ socketId, channelName }, callback) => callback(null, signer.authorizeChannel(socketId, channelName)),
        },
      });
      closers.push(() => client.disconnect());
      const channel = client.subscribe(CHANNEL);
      channel.bind("pusher:subscription_succeeded", () => resolve());
      channel.bind("pusher:subscription_error", (e: unknown) => reject(new Error(JSON.stringify(e))));
      channel.bind(EVENT, onTick);
    });
  }

  function connectWs(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${input.port}/app/${APP.key}?protocol=7&client=bench`);
      closers.push(() => ws.terminate());
      ws.on("error", reject);
      ws.on("message", (raw) => {
        const frame = JSON.parse(String(raw)) as { event: string; data: string };
        if (frame.event === EVENT) return onTick(frame.data);
        if (frame.event === "pusher:connection_established") {
          const socketId = (JSON.parse(frame.data) as { socket_id: string }).socket_id;
          const auth = signChannelAuth({ ...APP, socketId, channel: CHANNEL });
          ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: CHANNEL, auth } }));
        } else if (frame.event === "pusher_internal:subscription_succeeded") {
          resolve();
        } else if (frame.event === "pusher:subscription_error" || frame.event === "pusher:error") {
          reject(new Error(frame.data));
        } else if (frame.event === "pusher:ping") {
          ws.send(JSON.stringify({ event: "pusher:pong", data: {} }));
        }
      });
    });
  }

  const connectOne = input.kind === "ws" ? connectWs : connectPusherJs;
  let connected = 0;
  let failed = 0;
  const BATCH = 50;
  for (let i = 0; i < input.clients; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, input.clients - i) }, () => connectOne());
    for (const result of await Promise.allSettled(batch)) {
      if (result.status === "fulfilled") connected++;
      else failed++;
    }
  }
  parentPort!.postMessage({ type: "ready", connected, failed } satisfies WorkerMessage);

  // The main thread says "stop" after the last trigger plus a grace period, or we finish early.
  await Promise.race([finished, new Promise<void>((resolve) => parentPort!.once("message", () => resolve()))]);
  const latenciesMs = Float64Array.from(latencies);
  const seqArray = Uint32Array.from(seqs);
  parentPort!.postMessage({ type: "result", latenciesMs, seqs: seqArray, received } satisfies WorkerMessage, [latenciesMs.buffer, seqArray.buffer]);
  for (const close of closers) close();
}

// ---------------------------------------------------------------------------------------------
// Main: server, workers, triggers, report

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

async function main() {
  const clients = Math.floor(num("BENCH_RT_CLIENTS", 500, 5000));
  const events = Math.floor(num("BENCH_RT_EVENTS", 50, 1000));
  const intervalMs = num("BENCH_RT_INTERVAL_MS", 50, 10_000);
  const kind: ClientKind = process.env.BENCH_RT_CLIENT === "ws" ? "ws" : "pusher-js";
  const workers = Math.floor(num("BENCH_RT_WORKERS", Math.min(4, Math.max(1, os.cpus().length - 1)), 16));
  const graceMs = num("BENCH_RT_GRACE_MS", 5000, 60_000);

  const loadBefore = os.loadavg();
  const server = await startEmbeddedRealtimeServer({ port: 0, host: "127.0.0.1", ...APP });
  const sdk = new Pusher({ ...APP, host: "127.0.0.1", port: String(server.port), useTLS: false });
  console.log(`realtime bench: ${clients} ${kind} clients in ${workers} worker thread(s), ${events} events every ${intervalMs} ms, server on 127.0.0.1:${server.port}`);

  const threads: Worker[] = [];
  const ready: Promise<{ connected: number; failed: number }>[] = [];
  const results: Promise<{ latenciesMs: Float64Array; seqs: Uint32Array; received: number }>[] = [];
  const connectStarted = now();
  for (let w = 0; w < workers; w++) {
    const share = Math.floor(clients / workers) + (w < clients % workers ? 1 : 0);
    // Worker threads do not inherit tsx's loader: a small bootstrap registers it, then loads this file.
    const bootstrap = `require("tsx/cjs/api").register(); require(${JSON.stringify(fileURLToPath(import.meta.url))});`;
    const worker = new Worker(bootstrap, {
      eval: true,
      workerData: { port: server.port, clients: share, kind, events, firstClient: w } satisfies WorkerInput,
    });
    threads.push(worker);
    let onReady: (v: { connected: number; failed: number }) => void = () => {};
    let onResult: (v: { latenciesMs: Float64Array; seqs: Uint32Array; received: number }) => void = () => {};
    ready.push(new Promise((resolve) => (onReady = resolve)));
    results.push(new Promise((resolve) => (onResult = resolve)));
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "ready") onReady(message);
      else if (message.type === "result") onResult(message);
      else {
        console.error(`worker ${w}: ${message.message}`);
        process.exit(1);
      }
    });
    worker.on("error", (error) => {
      console.error(`worker ${w}:`, error);
      process.exit(1);
    });
  }
  const readiness = await Promise.all(ready);
  const connected = readiness.reduce((s, r) => s + r.connected, 0);
  const failed = readiness.reduce((s, r) => s + r.failed, 0);
  const connectMs = msBetween(connectStarted, now());
  console.log(`connected and subscribed: ${connected} (failed ${failed}) in ${connectMs.toFixed(0)} ms; server stats ${JSON.stringify(server.stats())}`);

  // Triggers on a fixed schedule (start + i × interval), each carrying its send time.
  const triggerMs: number[] = [];
  const started = Date.now();
  for (let seq = 0; seq < events; seq++) {
    const wait = started + seq * intervalMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = now();
    await sdk.trigger(CHANNEL, EVENT, { seq, sentAt: sentAt.toString() });
    triggerMs.push(msBetween(sentAt, now()));
  }

  // Workers finish when every event has arrived; the grace period bounds a lost delivery.
  const stop = setTimeout(() => threads.forEach((t) => t.postMessage("stop")), graceMs);
  const collected = await Promise.all(results);
  clearTimeout(stop);
  await Promise.all(threads.map((t) => t.terminate()));
  await server.close();

  const all = new Float64Array(collected.reduce((s, r) => s + r.latenciesMs.length, 0));
  // Per event: the first receipt (SDK call + HTTP + server) and the last (plus the whole fan-out).
  const first = new Float64Array(events).fill(Infinity);
  const last = new Float64Array(events).fill(-Infinity);
  let offset = 0;
  for (const r of collected) {
    all.set(r.latenciesMs, offset);
    offset += r.latenciesMs.length;
    r.latenciesMs.forEach((v, i) => {
      const seq = r.seqs[i]!;
      first[seq] = Math.min(first[seq]!, v);
      last[seq] = Math.max(last[seq]!, v);
    });
  }
  all.sort();
  first.sort();
  last.sort();
  const mean = all.reduce((s, v) => s + v, 0) / (all.length || 1);
  const triggers = Float64Array.from(triggerMs).sort();
  const fmt = (v: number) => `${v.toFixed(1)} ms`;
  const cpus = os.cpus();

  console.log("");
  console.log(`machine:     ${cpus.length} CPU(s), ${cpus[0]?.model.trim() ?? "unknown"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`);
  console.log(`load:        ${loadBefore.map((l) => l.toFixed(2)).join(" ")} before, ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} after (1/5/15 min; other work on the machine skews the figures)`);
  console.log(`clients:     ${connected} ${kind} (${workers} worker thread(s)), connect + subscribe ${fmt(connectMs)}`);
  console.log(`deliveries:  ${all.length} of ${connected * events} expected (${events} events × ${connected} clients)`);
  console.log(`latency:     p50 ${fmt(percentile(all, 50))}  p95 ${fmt(percentile(all, 95))}  p99 ${fmt(percentile(all, 99))}  max ${fmt(all[all.length - 1] ?? NaN)}  mean ${fmt(mean)}`);
  console.log(`per event:   first receipt p50 ${fmt(percentile(first, 50))}, last receipt p50 ${fmt(percentile(last, 50))} / max ${fmt(last[last.length - 1] ?? NaN)}`);
  console.log(`SDK trigger: p50 ${fmt(percentile(triggers, 50))}  max ${fmt(triggers[triggers.length - 1] ?? NaN)} (HTTP call, returns after the server has queued the fan-out)`);
  const p95 = percentile(all, 95);
  console.log(`goal p95 < 100 ms: ${p95 < 100 ? "met" : "NOT met"}`);
  if (all.length !== connected * events || failed > 0) process.exitCode = 1;
}

if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  runWorker(workerData as WorkerInput).catch((error: unknown) => {
    parentPort!.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
  });
}
