package conformance

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

// JSModulesEnv names the environment variable that says where the
// JavaScript target finds its npm packages: a folder whose node_modules
// holds @aws-sdk/client-ssm, @aws-sdk/client-secrets-manager and
// @aws-sdk/client-sts (the versions of conformance/js/package.json; .ci/run
// installs them there). Unset, it is ~/.cache/fakeaws/js.
const JSModulesEnv = "FAKEAWS_JS_MODULES"

// MinNodeMajor is the oldest Node.js the JavaScript target runs on (the
// AWS SDK for JavaScript v3 supports Node.js 18 and later).
const MinNodeMajor = 18

//go:embed js/runner.cjs
var jsRunner []byte

// JSModules returns the folder the JavaScript target loads the SDK from.
func JSModules() string {
	if d := os.Getenv(JSModulesEnv); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "fakeaws-js")
	}
	return filepath.Join(home, ".cache", "fakeaws", "js")
}

// jsTarget is the AWS SDK for JavaScript v3 in one node process against a
// loopback server of a fresh Store.
type jsTarget struct {
	clk    *clock.Fake
	srv    *http.Server
	wire   *answerTap
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	out    *bufio.Reader
	stderr *lockedBuffer

	mu      sync.Mutex // one call at a time: the process answers in order
	timeout time.Duration
	parsed  []byte // the JavaScript SDK's output of the last call that succeeded
}

// JS is the target of the AWS SDK for JavaScript v3 (@aws-sdk/client-ssm,
// @aws-sdk/client-secrets-manager; see JSModules) against a loopback
// server: one node process per target, hence per scenario, reading one call
// per line on stdin and answering each on stdout, so a scenario costs one
// process start. Inputs go to the SDK as the SDK's own input objects
// (member names as in the model, blobs as Uint8Array); outputs come back in
// the AWS JSON wire form (timestamps in epoch seconds, blobs in base64) and
// are read into the Go SDK's output types by the decoder the CLI target
// uses; service errors become *smithy.GenericAPIError with the code
// (err.name) and message the JavaScript SDK reports.
//
// The target also keeps, for comparisons with AWS's recorded answers, the
// raw body of each successful answer as the server sent it to the
// JavaScript SDK (LastAnswer), and what the SDK made of it (LastParsed).
//
// Without node (18 or later) or the npm packages, the target skips, or
// fails when the environment variable CI is set.
func JS(tb testing.TB, env Env) Target {
	tb.Helper()
	node, err := findNode()
	if err == nil {
		_, err = os.Stat(filepath.Join(JSModules(), "node_modules", "@aws-sdk", "client-sts", "package.json"))
		if err != nil {
			err = fmt.Errorf("the AWS SDK for JavaScript v3 is not installed in %s (npm install there the packages of conformance/js/package.json, or run .ci/run): %v", JSModules(), err)
		}
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("CI is set and the JavaScript target cannot run: %v", err)
		}
		tb.Skipf("JavaScript target skipped: %v", err)
	}

	st, clk := NewStore(env)
	tap := &answerTap{next: endpoint.Handler(st)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	srv := endpoint.NewHTTPServer(tap)
	go func() { _ = srv.Serve(ln) }()
	tb.Cleanup(func() { _ = srv.Close() })

	dir := tb.TempDir()
	script := filepath.Join(dir, "runner.cjs")
	if err := os.WriteFile(script, jsRunner, 0o600); err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(node, script)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + dir,
		JSModulesEnv + "=" + JSModules(),
		"FAKEAWS_ENDPOINT=http://" + ln.Addr().String(),
		"AWS_REGION=" + env.Region,
		"AWS_ACCESS_KEY_ID=" + env.Account, // twelve digits: the account
		"AWS_SECRET_ACCESS_KEY=fake",
		"AWS_EC2_METADATA_DISABLED=true",
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		tb.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		stdin.Close() // the runner ends at the end of its input
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				tb.Errorf("node runner: %v\n%s", err, stderr)
			}
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
			tb.Errorf("node runner did not exit after its input ended\n%s", stderr)
		}
	})
	return &jsTarget{clk: clk, srv: srv, wire: tap, cmd: cmd, stdin: stdin,
		out: bufio.NewReaderSize(stdout, 1<<16), stderr: stderr, timeout: 2 * time.Minute}
}

// findNode finds node on PATH and checks its version.
func findNode() (string, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return "", fmt.Errorf("no node on PATH (Node.js %d or later is needed): %v", MinNodeMajor, err)
	}
	out, err := exec.Command(node, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("%s --version: %v", node, err)
	}
	v := strings.TrimSpace(string(out))
	major, _, _ := strings.Cut(strings.TrimPrefix(v, "v"), ".")
	if n, err := strconv.Atoi(major); err != nil || n < MinNodeMajor {
		return "", fmt.Errorf("%s is Node.js %s; the AWS SDK for JavaScript v3 needs %d or later", node, v, MinNodeMajor)
	}
	return node, nil
}

// jsCall is one line to the runner; jsAnswer one line back.
type jsCall struct {
	Service string          `json:"service"`
	Op      string          `json:"op"`
	Input   json.RawMessage `json:"input"`
}

type jsAnswer struct {
	Output json.RawMessage `json:"output"`
	Error  *struct {
		API     bool   `json:"api"`
		Code    string `json:"code"`
		Message string `json:"message"`
		Status  int    `json:"status"`
		Detail  string `json:"detail"`
	} `json:"error"`
}

func (j *jsTarget) Call(ctx context.Context, svc Service, op string, in any) (any, error) {
	outType, err := outputType(svc, op)
	if err != nil {
		return nil, err
	}
	input, err := jsInput(in)
	if err != nil {
		return nil, err
	}
	line, err := json.Marshal(jsCall{Service: string(svc), Op: op, Input: input})
	if err != nil {
		return nil, err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.wire.reset()
	j.parsed = nil
	ans, err := j.roundTrip(ctx, append(line, '\n'))
	if err != nil {
		return nil, err
	}
	if e := ans.Error; e != nil {
		if !e.API {
			return nil, fmt.Errorf("JavaScript SDK, %s %s: %s: %s\n%s", svc, op, e.Code, e.Message, e.Detail)
		}
		msg := e.Message
		if msg == jsNoMessage && !hasMessage(j.wire.last()) {
			msg = "" // the answer carried none; the Go SDK reports none
		}
		return nil, &smithy.GenericAPIError{Code: e.Code, Message: msg}
	}
	j.parsed = ans.Output
	out := reflect.New(outType).Interface()
	if err := endpoint.DecodeJSON(ans.Output, out); err != nil {
		return nil, fmt.Errorf("JavaScript SDK, %s %s answered %s: %v", svc, op, ans.Output, err)
	}
	return out, nil
}

// jsNoMessage is the message the JavaScript SDK gives an error whose body
// has no message, or an empty one (@smithy/core's decorateServiceException:
// exception.message || exception.Message || "UnknownError").
const jsNoMessage = "UnknownError"

// hasMessage reports whether an AWS JSON error body has a non-empty
// message member.
func hasMessage(body []byte) bool {
	var obj map[string]any
	if json.Unmarshal(body, &obj) != nil {
		return true // not JSON: keep what the SDK said
	}
	for _, k := range []string{"message", "Message"} {
		if m, ok := obj[k].(string); ok && m != "" {
			return true
		}
	}
	return false
}

// roundTrip writes one call and reads its answer.
func (j *jsTarget) roundTrip(ctx context.Context, line []byte) (*jsAnswer, error) {
	type result struct {
		b   []byte
		err error
	}
	ch := make(chan result, 1)
	go func() {
		if _, err := j.stdin.Write(line); err != nil {
			ch <- result{err: err}
			return
		}
		b, err := j.out.ReadBytes('\n')
		ch <- result{b, err}
	}()
	timer := time.NewTimer(j.timeout)
	defer timer.Stop()
	var r result
	select {
	case r = <-ch:
	case <-ctx.Done():
		_ = j.cmd.Process.Kill()
		return nil, ctx.Err()
	case <-timer.C:
		_ = j.cmd.Process.Kill()
		return nil, fmt.Errorf("node runner: no answer in %v\n%s", j.timeout, j.stderr)
	}
	if r.err != nil {
		return nil, fmt.Errorf("node runner: %v\n%s", r.err, j.stderr)
	}
	var ans jsAnswer
	if err := json.Unmarshal(r.b, &ans); err != nil {
		return nil, fmt.Errorf("node runner printed %q: %v", r.b, err)
	}
	return &ans, nil
}

// LastAnswer returns the raw body of the answer to the last call that
// succeeded, as the server sent it to the JavaScript SDK (nil after a
// failed call).
func (j *jsTarget) LastAnswer() []byte {
	return j.wire.lastOK()
}

// LastParsed returns what the JavaScript SDK made of the answer to the last
// call that succeeded, as JSON: the members it read (a member missing from
// the answer is missing here too), timestamps in epoch seconds, blobs in
// base64, without $metadata. Nil after a failed call.
func (j *jsTarget) LastParsed() []byte {
	j.mu.Lock()
	defer j.mu.Unlock()
	return bytes.Clone(j.parsed)
}

func (j *jsTarget) SetTime(t time.Time) error {
	j.clk.Set(t)
	return nil
}

// jsInput is the SDK input in as the runner reads it: the AWS JSON wire form
// (endpoint.EncodeJSON, as the CLI target sends it) with blobs and
// timestamps marked, since JavaScript takes them as Uint8Array and Date.
func jsInput(in any) (json.RawMessage, error) {
	ser, ok := in.(smithy.Serializable)
	if !ok {
		return nil, fmt.Errorf("input %T is not an SDK input", in)
	}
	var doc any
	d := json.NewDecoder(bytes.NewReader(endpoint.EncodeJSON(ser)))
	d.UseNumber()
	if err := d.Decode(&doc); err != nil {
		return nil, err
	}
	doc = markTyped(reflect.ValueOf(in), doc)
	return json.Marshal(doc)
}

var (
	jsTimeType  = reflect.TypeFor[time.Time]()
	jsBytesType = reflect.TypeFor[[]byte]()
)

// markTyped walks v (a Go SDK value) and j (its wire JSON) together and
// wraps blobs as {"$blob": base64} and timestamps as {"$date": seconds}.
func markTyped(v reflect.Value, j any) any {
	if j == nil {
		return nil
	}
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return j
		}
		v = v.Elem()
	}
	switch {
	case v.Type() == jsTimeType:
		return map[string]any{"$date": j}
	case v.Type() == jsBytesType:
		return map[string]any{"$blob": j}
	}
	switch v.Kind() {
	case reflect.Struct:
		obj, ok := j.(map[string]any)
		if !ok {
			return j
		}
		for name, item := range obj {
			if f := v.FieldByName(name); f.IsValid() {
				obj[name] = markTyped(f, item)
			}
		}
	case reflect.Slice, reflect.Array:
		arr, ok := j.([]any)
		if !ok {
			return j
		}
		for i := range arr {
			if i < v.Len() {
				arr[i] = markTyped(v.Index(i), arr[i])
			}
		}
	case reflect.Map:
		obj, ok := j.(map[string]any)
		if !ok {
			return j
		}
		for k, item := range obj {
			if e := v.MapIndex(reflect.ValueOf(k).Convert(v.Type().Key())); e.IsValid() {
				obj[k] = markTyped(e, item)
			}
		}
	}
	return j
}

// answerTap is an http.Handler that keeps the body of the last answer its
// handler wrote.
type answerTap struct {
	next http.Handler
	mu   sync.Mutex
	body []byte
	ok   bool
}

func (a *answerTap) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := &tapWriter{ResponseWriter: w, status: http.StatusOK}
	a.next.ServeHTTP(rec, r)
	a.mu.Lock()
	a.body, a.ok = rec.buf.Bytes(), rec.status == http.StatusOK
	a.mu.Unlock()
}

func (a *answerTap) reset() {
	a.mu.Lock()
	a.body, a.ok = nil, false
	a.mu.Unlock()
}

// last returns the body of the last answer, whatever its status.
func (a *answerTap) last() []byte {
	a.mu.Lock()
	defer a.mu.Unlock()
	return bytes.Clone(a.body)
}

func (a *answerTap) lastOK() []byte {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.ok {
		return nil
	}
	return bytes.Clone(a.body)
}

type tapWriter struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
}

func (w *tapWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (w *tapWriter) Write(p []byte) (int, error) {
	w.buf.Write(p)
	return w.ResponseWriter.Write(p)
}

// lockedBuffer collects a process's stderr.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
