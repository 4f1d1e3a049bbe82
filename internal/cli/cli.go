// Package cli implements the warta command: one file per sub-command.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/alecthomas/kong"

	"github.com/warta-news/warta/internal/config"
)

// Env is what a command reads and writes: kept apart from the process so
// that tests can run commands in-process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// StderrTerminal says whether Stderr is a terminal (progress bars).
	StderrTerminal bool
	Log            *slog.Logger
	// Getenv reads the environment; nil means os.Getenv.
	Getenv func(string) string
	// Shared is the --shared flag (or $WARTA_SHARED), set by Main.
	Shared string
}

func (env *Env) getenv(key string) string {
	if env.Getenv == nil {
		return os.Getenv(key)
	}
	return env.Getenv(key)
}

// dataset resolves a command's dataset flag: its own value when given,
// else rel inside the shared data folder (--shared, $WARTA_SHARED, or
// ../shared beside the checkout).
func (env *Env) dataset(flag *string, rel string) error {
	p, err := config.Dataset(*flag, env.Shared, rel, env.getenv)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	*flag = p
	return nil
}

type root struct {
	Shared string `placeholder:"DIR" env:"WARTA_SHARED" help:"The shared data folder with the datasets (data/...), for eval and train (default: ../shared beside the checkout)."`

	Analyze analyzeCmd `cmd:"" help:"Analyse news articles into records (JSON)."`
	Serve   serveCmd   `cmd:"" help:"Serve the JSON API and a search page over a data directory."`
	Ingest  ingestCmd  `cmd:"" help:"Analyse articles and store them in a data directory."`
	Reindex reindexCmd `cmd:"" help:"Link every stored article again with all the store has learnt about who is who."`
	Vacuum  vacuumCmd  `cmd:"" help:"Give a SQLite store's free pages back to the file system."`
	Sources sourcesCmd `cmd:"" help:"Follow news sources (feeds, sitemaps, pages) that warta serve polls."`
	Fetch   fetchCmd   `cmd:"" help:"Fetch feeds, sitemaps or pages once and store the articles found."`
	Worker  workerCmd  `cmd:"" help:"Analyse and store the articles of a NATS JetStream queue, until stopped."`
	Queue   queueCmd   `cmd:"" help:"Show the state of the queue's work: waiting, under way, dead letters."`
	Eval    evalCmd    `cmd:"" help:"Measure accuracy on standard test sets."`
	Train   trainCmd   `cmd:"" help:"Train the models shipped in the repository."`
	Bench   benchCmd   `cmd:"" help:"Build benchmark corpora and measure ingest against the analysis alone."`
	Version versionCmd `cmd:"" help:"Print the version."`
}

// exitError carries an exit status out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

// Main runs the warta command with args (without the program name) and
// returns the process exit status: 0 on success, 1 when some input or
// command failed, 2 on a usage error.
func Main(ctx context.Context, args []string, env Env) int {
	if env.Log == nil {
		env.Log = newLogger(env.Stderr)
	}
	var cli root
	exit := -1
	parser, err := kong.New(&cli,
		kong.Name("warta"),
		kong.Description("warta turns Indonesian news articles into structured records."),
		kong.Writers(env.Stdout, env.Stderr),
		kong.Exit(func(code int) { exit = code }),
		kong.UsageOnError(),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
		kong.BindTo(ctx, (*context.Context)(nil)),
		kong.Bind(&env),
	)
	if err != nil {
		fmt.Fprintln(env.Stderr, "warta:", err)
		return 2
	}
	kctx, err := parser.Parse(args)
	if exit >= 0 { // --help
		return exit
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "warta:", err)
		return 2
	}
	env.Shared = cli.Shared
	if err := kctx.Run(); err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			if ee.err != nil {
				fmt.Fprintln(env.Stderr, "warta:", ee.err)
			}
			return ee.code
		}
		fmt.Fprintln(env.Stderr, "warta:", err)
		return 1
	}
	return 0
}

// newLogger logs to w as "level=WARN msg=..." lines, without timestamps:
// they are messages for the person at the terminal.
func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	}))
}

// DefaultEnv is the process's own standard streams.
func DefaultEnv() Env {
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, StderrTerminal: isTerminal(os.Stderr)}
}
