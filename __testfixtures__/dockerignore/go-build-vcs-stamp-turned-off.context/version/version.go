package version

import "runtime/debug"

var gitCommitStamp string

// Commit is the stamp -ldflags gives, else the commit Go recorded from the repository.
func Commit() string {
	if gitCommitStamp != "" {
		return gitCommitStamp
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				return s.Value
			}
		}
	}
	return "unknown"
}
