package main

import (
	"testing"

	"github.com/docker/docker/client"
)

func TestX(t *testing.T) { _, _ = client.NewClientWithOpts() }
