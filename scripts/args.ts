/** Minimal `--name value` / `--flag` parser shared by the command-line scripts. */
export function parseArgs(argv: string[], defaults: Record<string, string> = {}): Record<string, string> & { _: string[] } {
  const out: Record<string, string> & { _: string[] } = { ...defaults, _: [] } as any;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split('=', 2);
      if (inline !== undefined) out[key] = inline;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[key] = argv[++i];
      else out[key] = 'true';
    } else out._.push(a);
  }
  return out;
}
