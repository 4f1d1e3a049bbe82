// Package examples holds the example articles of the quick start, written
// for the project. They are embedded so that warta serve can load them into
// a new data directory wherever the binary runs.
package examples

import "embed"

// FS holds the files of this folder: articles as plain text (*.txt), HTML
// pages (*.html) and JSON Lines (*.jsonl), and this source file.
//
//go:embed *
var FS embed.FS
