import { useEffect, useState, useSyncExternalStore } from 'react';

/**
 * Difference between the server clock and this device's clock, in milliseconds. Deadlines are decided by the server,
 * so countdowns run on `Date.now() + offset`; a wrong device clock then does not show a wrong remaining time.
 */
let offsetMs = 0;
const listeners = new Set<() => void>();

/** Records the server time of a response received just now (`serverTime` in a CallView). */
export function recordServerTime(serverTime: string, receivedAt: number = Date.now()): void {
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) return;
  const next = server - receivedAt;
  if (Math.abs(next - offsetMs) < 250) return; // network jitter, not a clock change
  offsetMs = next;
  listeners.forEach((listener) => listener());
}

export function serverClockOffset(): number {
  return offsetMs;
}

/** The current moment by the server's clock (estimated). */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The server-corrected current time, re-rendering every `intervalMs`. */
export function useServerNow(intervalMs = 1000): number {
  const offset = useSyncExternalStore(subscribe, serverClockOffset, serverClockOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now + offset;
}

export interface Remaining {
  totalMs: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function remainingUntil(targetMs: number, nowMs: number): Remaining {
  const totalMs = Math.max(0, targetMs - nowMs);
  const totalSeconds = Math.floor(totalMs / 1000);
  return {
    totalMs,
    days: Math.floor(totalSeconds / 86_400),
    hours: Math.floor((totalSeconds % 86_400) / 3600),
    minutes: Math.floor((totalSeconds % 3600) / 60),
    seconds: totalSeconds % 60,
  };
}
