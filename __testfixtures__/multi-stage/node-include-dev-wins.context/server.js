const http = require('node:http');
