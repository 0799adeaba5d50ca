// Command fakeaws serves fakeaws's Parameter Store and Secrets Manager over
// HTTP (the AWS JSON 1.1 protocol), for the AWS CLI, other languages' SDKs,
// and anything that takes an endpoint URL.
//
//	go run ./cmd/fakeaws                  # http://127.0.0.1:4566
//	export AWS_ENDPOINT_URL=http://127.0.0.1:4566
//	aws ssm put-parameter --name /demo --value hello --type String
//
// The state lives in memory; with -state it is loaded from a JSON file at
// start (when the file exists) and written back atomically on shutdown.
// Besides the
// two services it answers:
//
//	GET  /health            "ok"
//	POST /moto-api/reset    empties the state (moto's server-mode convention)
//	POST /_fakeaws/clock    {"time":"<RFC3339Nano>"} sets the fake clock
//	                        (only when started with -start)
//
// Flags:
//
//	-addr 127.0.0.1:4566   where to listen (port 0 picks a free one)
//	-region, -account      the defaults for unsigned requests and unknown keys
//	-start <RFC3339>       run on a fake clock standing at this time
//	-seed N                make generated IDs a function of N
//	-version-ids a,b,...   the first secret version IDs to hand out
//	-arn-suffixes x,y,...  the first secret ARN suffixes to hand out
//	-source-result-date 2018  write SourceResult's createdDate as AWS did in
//	                       2018 ("Jul 28, 2018 11:09:49 AM"); default 2021
//	                       ("Oct 14, 2021, 10:18:47 AM")
//	-state FILE            load the state from FILE, write it back on shutdown
//	-verify-signatures K=S,...  verify SigV4 with these access/secret key pairs
//	-max-body N, -max-header-bytes N   request size limits (HTTP 413, 431)
//	-max-requests N        requests served at once; more get ThrottlingException
//	-read-timeout D, -write-timeout D  per-request time limits
//	-policy FILE           access policies by principal (a request signed with
//	                       access key K acts as arn:aws:iam::<account>:user/K;
//	                       "*" is the policy of every principal not listed)
//	-shutdown-timeout D    how long requests in flight may finish on shutdown
//	                       (default 5s); then they are cut off before -state
//	                       is written, unanswered
//	-quiet                 no per-request log lines
//
// It prints the endpoint and the lines to paste into a shell on stdout, logs
// one line per request on stderr, and shuts down cleanly on SIGINT or
// SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "fakeaws:", err)
		}
		os.Exit(2)
	}
}

// run serves until ctx is done, then shuts the server down.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	opts, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	srv, err := newServer(opts, stderr)
	if err != nil {
		return err
	}
	if err := srv.listen(opts.addr); err != nil {
		return err
	}
	url := srv.url()
	fmt.Fprintf(stdout, "fakeaws: Parameter Store and Secrets Manager at %s (region %s, account %s)\n", url, opts.region, opts.account)
	fmt.Fprintf(stdout, "export AWS_ENDPOINT_URL=%s AWS_REGION=%s AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=fake\n", url, opts.region, opts.account)
	fmt.Fprintf(stdout, "aws ssm put-parameter --name /demo/greeting --value hello --type String && aws ssm get-parameter --name /demo/greeting\n")
	if f, ok := stdout.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}
	return srv.serve(ctx)
}
