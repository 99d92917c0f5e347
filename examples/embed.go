// Package examples embeds the bundled example inputs: bargaining scenarios
// (*.yaml, *.csv) for `detente simulate` and the news corpus in news/.
package examples

import "embed"

// FS holds the example files, named as in this directory.
//
//go:embed *.yaml *.csv news
var FS embed.FS

// Scenario is the name of the bundled simulator scenario in FS.
const Scenario = "iran-us.yaml"
