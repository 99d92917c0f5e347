package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for another detente process that
// holds a DuckDB file (see TestOpenLocked).
func TestMain(m *testing.M) {
	if path := os.Getenv("DETENTE_TEST_HOLD_STORE"); path != "" {
		os.Exit(holdStore(path))
	}
	os.Exit(m.Run())
}

// holdStore opens the store at path, says "ready" and keeps it open until
// stdin is closed.
func holdStore(path string) int {
	s, err := Open(context.Background(), path)
	if err != nil {
		fmt.Println(err)
		return 1
	}
	defer s.Close()
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	return 0
}

// TestOpenLocked opens a DuckDB file another process holds: the error says
// which file, that another detente process holds it, and what to do.
func TestOpenLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "held.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "DETENTE_TEST_HOLD_STORE="+path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "ready\n" {
		t.Fatalf("holder: %q", line)
	}
	for _, dsn := range []string{path, "duckdb:" + path} {
		_, err := Open(context.Background(), dsn)
		if !errors.Is(err, ErrLocked) {
			t.Fatalf("Open(%q) = %v, want ErrLocked", dsn, err)
		}
		for _, want := range []string{path, "another detente process", fmt.Sprintf("PID %d", cmd.Process.Pid), "POST /api/documents"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("Open(%q) error %q does not say %q", dsn, err, want)
			}
		}
	}
}
