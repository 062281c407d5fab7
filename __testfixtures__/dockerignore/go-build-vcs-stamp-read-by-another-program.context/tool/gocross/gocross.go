// gocross is the repository's own build wrapper: it checks that it was built from the current commit.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
)

func main() {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		os.Exit(1)
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" {
			fmt.Println(s.Value)
			return
		}
	}
	fmt.Fprintln(os.Stderr, "did not find vcs.revision in build info")
	os.Exit(1)
}
