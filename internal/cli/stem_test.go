package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/kong"

	"github.com/warta-news/warta/internal/shared"
)

func TestEvalStem(t *testing.T) {
	dir := shared.Path(t, "data/stem")
	var out bytes.Buffer
	if err := (&evalStemCmd{Data: dir, Misses: true}).Run(&Env{Stdout: &out, Stderr: &out}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "% ("); n != 7 {
		t.Errorf("%d accuracy lines, want 7:\n%s", n, out.String())
	}
	if !strings.Contains(out.String(), "misses: ud-csui test tokens") {
		t.Error("--misses listed no misses")
	}
	for _, want := range []string{"sastrawi ", "sastrawi functional ", "ud-csui  "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report has no %q:\n%s", want, out.String())
		}
	}
	if err := (&evalStemCmd{Data: t.TempDir()}).Run(&Env{Stdout: &out, Stderr: &out}); err == nil {
		t.Error("an empty folder gave no error")
	}
}

func TestTrainStem(t *testing.T) {
	train := shared.Path(t, "data/treebank/ud-indonesian-csui/id_csui-ud-train.conllu")
	out := filepath.Join(t.TempDir(), "roots.txt")
	var stderr bytes.Buffer
	env := &Env{Stdout: &bytes.Buffer{}, Stderr: &stderr}
	if err := (&trainStemCmd{Treebank: train, Out: out}).Run(env); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("analysis/stem/data/roots_ud.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("warta train stem wrote a list other than analysis/stem/data/roots_ud.txt")
	}
	if !strings.Contains(stderr.String(), "roots from id_csui-ud-train.conllu") {
		t.Errorf("stderr: %q", stderr.String())
	}
	test := filepath.Join(filepath.Dir(train), "id_csui-ud-test.conllu")
	err = (&trainStemCmd{Treebank: test, Out: out}).Run(env)
	if ee, ok := err.(*exitError); !ok || ee.code != 2 {
		t.Errorf("a test split was not refused with a usage error: %v", err)
	}
}

// TestStemFlags parses the two commands with kong as the root command
// will, so that their tags and defaults are checked before they are
// registered.
func TestStemFlags(t *testing.T) {
	var cli struct {
		Eval struct {
			Stem evalStemCmd `cmd:""`
		} `cmd:""`
		Train struct {
			Stem trainStemCmd `cmd:""`
		} `cmd:""`
	}
	parser, err := kong.New(&cli, kong.Exit(func(int) { t.Fatal("exit") }))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.Parse([]string{"eval", "stem", "--misses"}); err != nil {
		t.Fatal(err)
	}
	// Dataset flags default to empty: the shared folder fills them in.
	if c := cli.Eval.Stem; c.Data != "" || !c.Misses {
		t.Errorf("eval stem: %+v", c)
	}
	if _, err := parser.Parse([]string{"train", "stem", "--out", "x.txt"}); err != nil {
		t.Fatal(err)
	}
	if c := cli.Train.Stem; c.Out != "x.txt" || c.Treebank != "" {
		t.Errorf("train stem: %+v", c)
	}
}

// Commands that read datasets find them through --shared or WARTA_SHARED
// from any working directory.
func TestSharedFlag(t *testing.T) {
	dir, err := shared.Dir()
	if err != nil {
		shared.Path(t, "data/stem") // skips, or fails in CI
	}
	t.Chdir(t.TempDir())
	if code, stdout, stderr := run(t, "", "--shared", dir, "eval", "stem"); code != 0 || !strings.Contains(stdout, "% (") {
		t.Errorf("--shared: exit %d\n%s%s", code, stdout, stderr)
	}
	t.Setenv("WARTA_SHARED", dir)
	if code, stdout, stderr := run(t, "", "eval", "stem"); code != 0 || !strings.Contains(stdout, "% (") {
		t.Errorf("WARTA_SHARED: exit %d\n%s%s", code, stdout, stderr)
	}
	t.Setenv("WARTA_SHARED", "")
	missing := filepath.Join(t.TempDir(), "missing")
	if code, _, stderr := run(t, "", "--shared", missing, "eval", "stem"); code != 2 || !strings.Contains(stderr, missing) {
		t.Errorf("a missing shared folder: exit %d, want 2 naming it\n%s", code, stderr)
	}
}
