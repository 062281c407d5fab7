require("./db");
