//go:build beam

package main

import "flag"

// beamFlags hands Beam's options to the standard flag set, where the Beam
// SDK reads them (it registers --runner, --endpoint and friends there).
func beamFlags(args []string) error {
	return flag.CommandLine.Parse(args)
}
