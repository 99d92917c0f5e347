//go:build !unix

package text

import "time"

// processCPU is not measured on this platform; benchmarks then report wall-clock figures only.
func processCPU() time.Duration { return 0 }
