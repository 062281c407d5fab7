const db = require("better-sqlite3")(process.env.DB_FILENAME || "db/data");
require("http").createServer(() => {}).listen(3000);
