// Package web holds detente's dashboard: sources in src/, the esbuild
// bundle in dist/ (committed, so `go build` needs no Node.js) and this
// package, which embeds dist/ into the binary. Rebuild with ./build.sh.
package web

import (
	"embed"
	"io/fs"
)

//go:embed dist
var dist embed.FS

// Dist returns the built dashboard files (index.html, app.js, app.css, ...)
// rooted at dist/.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // "dist" is a fixed, embedded directory: cannot fail
	}
	return sub
}
