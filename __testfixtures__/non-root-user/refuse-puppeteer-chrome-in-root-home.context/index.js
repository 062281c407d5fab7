const puppeteer = require("puppeteer");
