const { execFile } = require("node:child_process");
require("node:http").createServer((req, res) => execFile("/usr/local/bin/resizer", [req.url], (err, out) => res.end(out))).listen(3000);
