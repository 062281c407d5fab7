from node:20 AS lint
copy . .
run npm run lint

from node:20
copy . .
cmd ["node", "x.js"]
