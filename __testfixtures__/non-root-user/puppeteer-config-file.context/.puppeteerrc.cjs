// Chrome goes beside the app, not into the installing user's home
module.exports = { cacheDirectory: __dirname + '/.cache/puppeteer' };
