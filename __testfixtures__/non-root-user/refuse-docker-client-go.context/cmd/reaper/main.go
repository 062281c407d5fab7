package main

import (
	"context"

	"github.com/docker/docker/client"
)

func main() {
	cli, _ := client.NewClientWithOpts(client.FromEnv)
	_ = cli
	_ = context.Background()
}
