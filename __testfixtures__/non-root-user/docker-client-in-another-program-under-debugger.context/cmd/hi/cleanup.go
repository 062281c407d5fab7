package main

import "github.com/docker/docker/client"

func cleanup() { cli, _ := client.NewClientWithOpts(client.FromEnv); _ = cli }
