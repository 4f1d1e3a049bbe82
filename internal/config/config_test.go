package config

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestSharedDir(t *testing.T) {
	flag, fromEnv := t.TempDir(), t.TempDir()
	if d, err := SharedDir(flag, env(map[string]string{EnvShared: fromEnv})); err != nil || d != flag {
		t.Errorf("the flag: %q, %v; want %q", d, err, flag)
	}
	if d, err := SharedDir("", env(map[string]string{EnvShared: fromEnv})); err != nil || d != fromEnv {
		t.Errorf("the environment: %q, %v; want %q", d, err, fromEnv)
	}
	if _, err := SharedDir(filepath.Join(flag, "missing"), env(nil)); err == nil {
		t.Error("a missing folder is accepted")
	}
	// From a module without a shared folder beside it, the error says what
	// to do.
	mod := filepath.Join(t.TempDir(), "mod")
	if err := os.MkdirAll(filepath.Join(mod, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(mod, "sub"))
	if _, err := SharedDir("", env(nil)); err == nil || !strings.Contains(err.Error(), "--shared") {
		t.Errorf("no shared folder: %v", err)
	}
	if err := os.Mkdir(filepath.Join(filepath.Dir(mod), "shared"), 0o755); err != nil {
		t.Fatal(err)
	}
	if d, err := SharedDir("", env(nil)); err != nil || d != filepath.Join(filepath.Dir(mod), "shared") {
		t.Errorf("beside the module: %q, %v", d, err)
	}
	if p, err := Dataset("", "", "data/sib200", env(nil)); err != nil || p != filepath.Join(filepath.Dir(mod), "shared", "data", "sib200") {
		t.Errorf("Dataset = %q, %v", p, err)
	}
	if p, _ := Dataset("mine", "", "data/sib200", env(nil)); p != "mine" {
		t.Errorf("Dataset with its own flag = %q", p)
	}
}

func TestDataDir(t *testing.T) {
	if d, _ := DataDir("/srv/warta", env(nil)); d != "/srv/warta" {
		t.Errorf("the flag: %q", d)
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		return
	}
	t.Setenv("HOME", "/home/analis")
	if d, err := DataDir("", env(nil)); err != nil || d != "/home/analis/.local/share/warta" {
		t.Errorf("default: %q, %v", d, err)
	}
	if d, err := DataDir("", env(map[string]string{"XDG_DATA_HOME": "/tmp/xdg"})); err != nil || d != filepath.Join("/tmp/xdg", "warta") {
		t.Errorf("XDG_DATA_HOME: %q, %v", d, err)
	}
}
