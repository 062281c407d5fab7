package integration

import "github.com/docker/docker/client"

func newClient() (*client.Client, error) { return client.NewClientWithOpts(client.FromEnv) }
