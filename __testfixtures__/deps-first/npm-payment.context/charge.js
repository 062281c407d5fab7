const pino = require("pino");
module.exports = { charge: () => ({}) };
