require("http").get("http://localhost:" + (process.env.PORT || 3000), (r) => process.exit(r.statusCode === 200 ? 0 : 1));
