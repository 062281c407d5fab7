module github.com/GoogleCloudPlatform/microservices-demo/src/frontend

go 1.22
