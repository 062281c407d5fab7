// A small HTTP service that shuts down cleanly on SIGTERM.
const http = require('node:http');

const port = Number(process.env.PORT ?? 3000);
const server = http.createServer((req, res) => {
  if (req.url === '/health') return res.end('ok\n');
  res.end('hello from node\n');
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    console.log('stopping');
    server.close(() => process.exit(0));
  });
}

server.listen(port, () => console.log(`listening on :${port}`));
