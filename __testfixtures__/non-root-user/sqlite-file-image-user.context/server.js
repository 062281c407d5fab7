require('node:sqlite')
