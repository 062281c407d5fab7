const dir = process.env.APP_DATA_DIR;
