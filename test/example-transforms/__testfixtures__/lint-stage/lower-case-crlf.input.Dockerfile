from node:20
copy . .
cmd ["node", "x.js"]
