package fake

import "github.com/docker/docker/client"

func New() (*client.Client, error) { return client.NewClientWithOpts(client.FromEnv) }
