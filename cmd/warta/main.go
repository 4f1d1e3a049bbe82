// Command warta turns Indonesian news articles into structured records.
// Run "warta --help" for its sub-commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/warta-news/warta/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.DefaultEnv())
	stop()
	os.Exit(code)
}
