const charge = require("./charge");
console.log("listening");
