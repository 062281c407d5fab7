module example.com/img

go 1.23

require github.com/h2non/bimg v1.1.9
