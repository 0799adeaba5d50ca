package conformance

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// A cliRunner runs one AWS CLI command (args after "aws") and returns what
// it printed; err is non-nil when the command failed (a non-zero exit).
type cliRunner interface {
	run(ctx context.Context, args []string) (stdout, stderr []byte, err error)
}

// NoForkEnv names the environment variable that, set to any value, makes
// the CLI target start the AWS CLI afresh for every command (see CLI).
const NoForkEnv = "FAKEAWS_AWS_CLI_NO_FORK"

// newCLIRunner returns how the CLI target runs aws with env: through a
// fork server when aws is a Python script (see forkServer), else one
// process per command.
func newCLIRunner(tb testing.TB, aws string, env []string) cliRunner {
	tb.Helper()
	if python := pythonOf(aws); python != "" && os.Getenv(NoForkEnv) == "" {
		fs, err := startForkServer(tb, python, aws, env)
		if err == nil {
			return fs
		}
		tb.Logf("AWS CLI fork server: %v; starting the CLI for every command instead", err)
	}
	return &execRunner{aws: aws, env: env}
}

// execRunner starts the AWS CLI for every command.
type execRunner struct {
	aws string
	env []string
}

func (r *execRunner) run(ctx context.Context, args []string) ([]byte, []byte, error) {
	cmd := exec.CommandContext(ctx, r.aws, args...)
	cmd.Env = r.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.Bytes(), stderr.Bytes(), err
}

// pythonOf returns the interpreter of aws when aws is a Python script
// ("#!/usr/bin/python3": Debian's awscli, a pip install), or "".
func pythonOf(aws string) string {
	if runtime.GOOS == "windows" {
		return "" // no fork
	}
	f, err := os.Open(aws)
	if err != nil {
		return ""
	}
	defer f.Close()
	line, _ := bufio.NewReader(io.LimitReader(f, 256)).ReadString('\n')
	fields := strings.Fields(strings.TrimPrefix(line, "#!"))
	if !strings.HasPrefix(line, "#!") || len(fields) == 0 {
		return ""
	}
	if filepath.Base(fields[0]) == "env" && len(fields) == 2 {
		fields = fields[1:] // #!/usr/bin/env python3
		p, err := exec.LookPath(fields[0])
		if err != nil {
			return ""
		}
		fields[0] = p
	}
	if len(fields) != 1 || !strings.HasPrefix(filepath.Base(fields[0]), "python") {
		return "" // an interpreter with arguments, or not Python
	}
	return fields[0]
}

// forkServerScript is the fork server: it imports the AWS CLI's modules
// once, then for every request forks, and the child runs the aws script
// itself (runpy, as "__main__") with the request's arguments, its output
// going to the request's files; the server answers with the child's exit
// status. The child is a new process, as with one CLI process per command;
// what it shares is the code already imported, which takes most of the
// half second of CPU an AWS CLI start costs.
const forkServerScript = `
import json, os, runpy, sys
script = sys.argv[1]
import awscli.clidriver
awscli.clidriver.create_clidriver()  # imports the plugins too
sys.stdout.write("ready\n")
sys.stdout.flush()
for line in sys.stdin:
    req = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            out = os.open(req["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            err = os.open(req["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # as exec.Cmd gives
            os.dup2(out, 1)
            os.dup2(err, 2)
            sys.argv = [script] + req["args"]
            try:
                runpy.run_path(script, run_name="__main__")
                code = 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(json.dumps({"exit": os.waitstatus_to_exitcode(status)}) + "\n")
    sys.stdout.flush()
`

// forkServer runs AWS CLI commands through forkServerScript, one at a
// time.
type forkServer struct {
	mu   sync.Mutex
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	dir  string
	dead error // why the server cannot be used any more
}

func startForkServer(tb testing.TB, python, aws string, env []string) (*forkServer, error) {
	cmd := exec.Command(python, "-c", forkServerScript, aws)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	fs := &forkServer{cmd: cmd, in: in, out: bufio.NewReader(out), dir: tb.TempDir()}
	if line, err := fs.out.ReadString('\n'); line != "ready\n" {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, fmt.Errorf("%s did not start (%v): %s", python, err, stderr.String())
	}
	tb.Cleanup(func() {
		in.Close() // the server's loop ends
		_ = cmd.Wait()
	})
	return fs, nil
}

func (fs *forkServer) run(ctx context.Context, args []string) ([]byte, []byte, error) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if fs.dead != nil {
		return nil, nil, fs.dead
	}
	stdoutPath, stderrPath := filepath.Join(fs.dir, "stdout"), filepath.Join(fs.dir, "stderr")
	req, err := json.Marshal(map[string]any{"args": args, "stdout": stdoutPath, "stderr": stderrPath})
	if err != nil {
		return nil, nil, err
	}
	type answer struct {
		line string
		err  error
	}
	done := make(chan answer, 1)
	go func() {
		if _, err := fs.in.Write(append(req, '\n')); err != nil {
			done <- answer{err: err}
			return
		}
		line, err := fs.out.ReadString('\n')
		done <- answer{line, err}
	}()
	var a answer
	select {
	case a = <-done:
	case <-ctx.Done():
		_ = fs.cmd.Process.Kill()
		fs.dead = fmt.Errorf("AWS CLI fork server stopped: %w", ctx.Err())
		return nil, nil, fs.dead
	}
	var status struct{ Exit *int }
	if a.err == nil {
		a.err = json.Unmarshal([]byte(a.line), &status)
	}
	if a.err == nil && status.Exit == nil {
		a.err = fmt.Errorf("answered %q", a.line)
	}
	if a.err != nil {
		fs.dead = fmt.Errorf("AWS CLI fork server: %w", a.err)
		return nil, nil, fs.dead
	}
	stdout, err1 := os.ReadFile(stdoutPath)
	stderr, err2 := os.ReadFile(stderrPath)
	if err := errors.Join(err1, err2); err != nil {
		return nil, nil, err
	}
	if *status.Exit != 0 {
		return stdout, stderr, fmt.Errorf("exit status %d", *status.Exit)
	}
	return stdout, stderr, nil
}
