const v=require('child_process').execSync('git rev-parse --short HEAD').toString()
