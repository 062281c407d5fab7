const Docker = require("dockerode");
