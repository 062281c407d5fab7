require('./build/Release/addon')
