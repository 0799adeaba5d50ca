package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

type options struct {
	addr, region, account string
	fakeClock             bool // run on a fake clock standing at start
	start                 time.Time
	seed                  *uint64
	versionIDs, suffixes  []string
	quiet                 bool
	stateFile             string            // load at start, write on shutdown
	keys                  map[string]string // -verify-signatures: access key → secret key
	limits                endpoint.Limits
	maxBody               int64
	policyFile            string // -policy: principals' access policies
	shutdownTimeout       time.Duration
	allowHosts            []string                 // -allow-host: Host names the admin routes accept besides loopback ones
	behaviours            []fakeaws.Option         // -quotas, -quota, -deletion-delay (quotas.go)
	sourceDate            fakeaws.SourceResultDate // -source-result-date
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("fakeaws", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	var start, seed, versionIDs, suffixes string
	fs.StringVar(&o.addr, "addr", "127.0.0.1:4566", "address to listen on (host:port; port 0 picks a free one)")
	fs.StringVar(&o.region, "region", fakeaws.DefaultRegion, "default region (for unsigned requests)")
	fs.StringVar(&o.account, "account", fakeaws.DefaultAccount, "default account (for unsigned requests and access keys that are not twelve digits)")
	fs.StringVar(&start, "start", "", "run on a fake clock standing at this RFC 3339 time (moved with POST /_fakeaws/clock)")
	fs.StringVar(&seed, "seed", "", "make every generated ID a function of this number")
	fs.StringVar(&versionIDs, "version-ids", "", "comma-separated secret version IDs to hand out first")
	fs.StringVar(&suffixes, "arn-suffixes", "", "comma-separated secret ARN suffixes to hand out first")
	fs.BoolVar(&o.quiet, "quiet", false, "do not log each request")
	fs.StringVar(&o.stateFile, "state", "", "a JSON state file (Store.Dump's form): loaded at start when it exists, written atomically on shutdown")
	o.limits = endpoint.DefaultLimits()
	fs.Int64Var(&o.maxBody, "max-body", endpoint.DefaultMaxBodyBytes, "largest request body in bytes (larger: HTTP 413)")
	fs.IntVar(&o.limits.MaxHeaderBytes, "max-header-bytes", o.limits.MaxHeaderBytes, "largest request header in bytes (larger: HTTP 431)")
	fs.IntVar(&o.limits.MaxConnections, "max-conns", o.limits.MaxConnections, "open connections kept; at the limit a new one closes the longest-idle keep-alive connection first (0: no limit)")
	fs.IntVar(&o.limits.MaxConcurrentRequests, "max-requests", o.limits.MaxConcurrentRequests, "requests served at once; more get ThrottlingException (0: no limit)")
	fs.DurationVar(&o.limits.ReadTimeout, "read-timeout", o.limits.ReadTimeout, "time to read a whole request (0: no limit)")
	fs.DurationVar(&o.limits.WriteTimeout, "write-timeout", o.limits.WriteTimeout, "time to answer a request (0: no limit)")
	fs.DurationVar(&o.shutdownTimeout, "shutdown-timeout", 5*time.Second, "on SIGINT/SIGTERM, how long requests in flight may run on; then their connections are cut before -state is written")
	fs.StringVar(&o.policyFile, "policy", "", "a JSON file of access policies by principal ({\"arn:aws:iam::<account>:user/<access key>\": {\"Statement\": [...]}}); calls as those principals are checked; \"*\" is every principal not listed")
	var keys, allowHosts string
	fs.StringVar(&allowHosts, "allow-host", "", "comma-separated Host names the admin routes (/moto-api/reset, /_fakeaws/clock) accept besides loopback names and the listen address")
	var sourceDate string
	fs.StringVar(&sourceDate, "source-result-date", "2021", "layout of createdDate in a reference's SourceResult: 2021 (\"Oct 14, 2021, 10:18:47 AM\") or 2018 (\"Jul 28, 2018 11:09:49 AM\")")
	fs.StringVar(&keys, "verify-signatures", "", "verify SigV4 signatures against these comma-separated ACCESS_KEY=SECRET_KEY pairs; refuse unsigned and unknown requests")
	behaviours := awsBehaviourFlags(fs)
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	o.behaviours = behaviours()
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	if start != "" {
		t, err := time.Parse(time.RFC3339Nano, start)
		if err != nil {
			return o, fmt.Errorf("-start: %v", err)
		}
		o.start, o.fakeClock = t, true
	}
	if seed != "" {
		n, err := strconv.ParseUint(seed, 10, 64)
		if err != nil {
			return o, fmt.Errorf("-seed: %v", err)
		}
		o.seed = &n
	}
	for _, pair := range splitList(keys) {
		k, v, ok := strings.Cut(pair, "=")
		if !ok || k == "" || v == "" {
			return o, fmt.Errorf("-verify-signatures: want ACCESS_KEY=SECRET_KEY pairs, got %q", pair)
		}
		if o.keys == nil {
			o.keys = map[string]string{}
		}
		o.keys[k] = v
	}
	o.allowHosts = splitList(allowHosts)
	switch sourceDate {
	case "2021":
		o.sourceDate = fakeaws.SourceResultDate2021
	case "2018":
		o.sourceDate = fakeaws.SourceResultDate2018
	default:
		return o, fmt.Errorf("-source-result-date: want 2021 or 2018, got %q", sourceDate)
	}
	o.versionIDs = splitList(versionIDs)
	o.suffixes = splitList(suffixes)
	return o, nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// server is the HTTP server around the endpoint: the admin routes, the
// request log, and the Store.
type server struct {
	opts   options
	st     *fakeaws.Store
	fake   *clock.Fake // nil on the real clock
	logger *log.Logger
	ln     net.Listener
	http   *http.Server
}

func newServer(o options, stderr io.Writer) (*server, error) {
	s := &server{opts: o}
	var clk clock.Clock = clock.Real()
	if o.fakeClock {
		s.fake = clock.NewFake(o.start)
		clk = s.fake
	}
	if !o.quiet {
		s.logger = log.New(stderr, "", log.LstdFlags|log.Lmicroseconds)
	}
	opts := []fakeaws.Option{
		fakeaws.WithClock(clk),
		fakeaws.WithRegion(o.region),
		fakeaws.WithAccount(o.account),
		fakeaws.WithVersionIDs(o.versionIDs...),
		fakeaws.WithARNSuffixes(o.suffixes...),
		fakeaws.WithSourceResultDate(o.sourceDate),
	}
	if o.seed != nil {
		opts = append(opts, fakeaws.WithSeed(*o.seed))
	}
	opts = append(opts, o.behaviours...)
	s.st = fakeaws.New(opts...)
	if err := s.loadState(); err != nil {
		return nil, err
	}
	if o.policyFile != "" {
		data, err := os.ReadFile(o.policyFile)
		if err != nil {
			return nil, fmt.Errorf("-policy: %w", err)
		}
		policies, err := fakeaws.ParsePolicies(data)
		if err != nil {
			return nil, fmt.Errorf("-policy %s: %w", o.policyFile, err)
		}
		for principal, p := range policies {
			s.st.SetPolicy(principal, p)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, "ok\n")
	})
	eopts := []endpoint.Option{endpoint.WithLimits(o.limits), endpoint.WithMaxBodyBytes(o.maxBody)}
	if o.keys != nil {
		eopts = append(eopts, endpoint.WithSignatureKeys(o.keys))
	}
	// The admin routes change the state: endpoint.Guard refuses what a web
	// page can send (an Origin, a form or text/plain body, a foreign Host)
	// and, with -verify-signatures, anything unsigned.
	gopts := append([]endpoint.Option{endpoint.WithAllowedHosts(o.allowHosts...)}, eopts...)
	mux.Handle("POST /moto-api/reset", endpoint.Guard(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		s.st.Reset()
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	}), gopts...))
	mux.Handle("POST /_fakeaws/clock", endpoint.Guard(http.HandlerFunc(s.setClock), gopts...))
	mux.Handle("/", endpoint.Handler(s.st, eopts...))
	s.http = endpoint.NewHTTPServer(s.logged(mux), eopts...)
	return s, nil
}

// tempPrefix starts the name of the temporary files saveState writes next
// to file before renaming one over it.
func tempPrefix(file string) string { return "." + filepath.Base(file) + ".fakeaws-" }

// prepareState readies -state's folder at start: it removes the temporary
// files a write killed before its rename left behind, then creates and
// removes a probe file there, so that a -state the server could not write
// on shutdown (a folder that does not exist, or is not writable) stops it
// now, before it acknowledges a single write.
func (s *server) prepareState() error {
	dir, prefix := filepath.Dir(s.opts.stateFile), tempPrefix(s.opts.stateFile)
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), prefix) && e.Type().IsRegular() {
				_ = os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	probe, err := os.CreateTemp(dir, prefix+"probe-*")
	if err != nil {
		return fmt.Errorf("-state %s: cannot write there: %w", s.opts.stateFile, err)
	}
	name := probe.Name()
	cerr := probe.Close()
	if err := os.Remove(name); err != nil || cerr != nil {
		return fmt.Errorf("-state %s: cannot write there: %w", s.opts.stateFile, errors.Join(cerr, err))
	}
	return nil
}

// loadState readies -state's folder (prepareState) and loads the file when
// it exists.
func (s *server) loadState() error {
	if s.opts.stateFile == "" {
		return nil
	}
	if err := s.prepareState(); err != nil {
		return err
	}
	f, err := os.Open(s.opts.stateFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if err := s.st.Load(f); err != nil {
		return fmt.Errorf("-state %s: %w", s.opts.stateFile, err)
	}
	return nil
}

// saveState writes -state atomically: a temporary file in the same folder,
// synced, then renamed over the old one.
func (s *server) saveState() error {
	if s.opts.stateFile == "" {
		return nil
	}
	dir := filepath.Dir(s.opts.stateFile)
	tmp, err := os.CreateTemp(dir, tempPrefix(s.opts.stateFile)+"*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := s.st.Dump(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), s.opts.stateFile)
}

func (s *server) setClock(w http.ResponseWriter, r *http.Request) {
	if s.fake == nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "the server runs on the real clock; start it with -start to move time"})
		return
	}
	var body struct {
		Time string `json:"time"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "want {\"time\":\"<RFC3339Nano>\"}: " + err.Error()})
		return
	}
	t, err := time.Parse(time.RFC3339Nano, body.Time)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": err.Error()})
		return
	}
	s.fake.Set(t)
	writeJSON(w, http.StatusOK, map[string]string{"time": t.UTC().Format(time.RFC3339Nano)})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// logged logs one line per request: method, path or operation, status,
// error code, duration.
func (s *server) logged(next http.Handler) http.Handler {
	if s.logger == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := clock.Real().Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		what := r.URL.Path
		if t := r.Header.Get("X-Amz-Target"); t != "" {
			what = t
		}
		line := fmt.Sprintf("%s %s %d", r.Method, what, sw.status)
		if code := sw.Header().Get("X-Amzn-ErrorType"); code != "" {
			line += " " + code
		}
		s.logger.Printf("%s %s", line, time.Since(start).Round(time.Microsecond))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (s *server) listen(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s.ln = ln
	return nil
}

func (s *server) url() string { return "http://" + s.ln.Addr().String() }

// serve answers until ctx is done, then lets requests in flight finish
// (for up to five seconds) and returns.
func (s *server) serve(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- s.http.Serve(s.ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.opts.shutdownTimeout)
	defer cancel()
	err := s.http.Shutdown(sctx)
	if err != nil {
		// Requests still running: cut their connections before the state is
		// written, so that no answer acknowledges a write the file lacks
		// (a write done before the cut is in the Store, hence in the file;
		// one done after cannot be answered).
		_ = s.http.Close()
	}
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	if serr := s.saveState(); serr != nil && err == nil {
		err = fmt.Errorf("-state %s: %w", s.opts.stateFile, serr)
	}
	if s.logger != nil {
		s.logger.Printf("shut down")
	}
	return err
}
