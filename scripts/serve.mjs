// `npm run preview` / the end of `npm start`: serves the built site like a production host
// (precompressed files, application/wasm, Range, the headers of public/_headers): src/lib/serve/static.mjs.
//   node scripts/serve.mjs [--port 4321] [--host 127.0.0.1] [--dir dist] [--no-compression]
// REPORT_OUT_DIR (the second copy the tests build) is served when set and --dir is not given.
import { serveStatic } from '../src/lib/serve/static.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i !== -1 && argv[i + 1] ? argv[i + 1] : dflt;
};
const root = opt('dir', process.env.REPORT_OUT_DIR ?? 'dist');
const port = Number(opt('port', process.env.PORT ?? '4321'));
const host = opt('host', '127.0.0.1');
await serveStatic({ root, port, host, compression: !argv.includes('--no-compression') });
console.log(`Serving ${root} at http://${host}:${port}/`);
