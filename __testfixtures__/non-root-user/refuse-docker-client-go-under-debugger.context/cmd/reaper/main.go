package main

import "github.com/docker/docker/client"

func main() { cli, _ := client.NewClientWithOpts(client.FromEnv); _ = cli }
