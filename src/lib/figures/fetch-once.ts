/**
 * JSON the figures fetch once per page (the codebook, a figure's build-time results), shared by
 * boot.ts and hydrate.ts: a shared link starts these requests while the figure code is still on
 * its way, and hydrate.ts then finds them under way. A failure is forgotten, so a later call retries.
 * Kept tiny: boot.ts loads it before any interaction.
 */
export interface Fetched {
  ok: boolean;
  /** the HTTP status; 0 when the request failed or the body was not JSON */
  status: number;
  json?: unknown;
  error?: string;
}

const pending = new Map<string, Promise<Fetched>>();

export function fetchJSON(url: string): Promise<Fetched> {
  let p = pending.get(url);
  if (!p) {
    p = fetch(url)
      .then(async (r): Promise<Fetched> => (r.ok ? { ok: true, status: r.status, json: await r.json() } : { ok: false, status: r.status }))
      .catch((e): Fetched => ({ ok: false, status: 0, error: String((e as Error)?.message ?? e) }));
    pending.set(url, p);
    p.then((f) => void (f.ok || pending.delete(url)));
  }
  return p;
}
