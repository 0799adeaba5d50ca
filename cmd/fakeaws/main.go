// Command fakeaws serves fakeaws's Parameter Store and Secrets Manager over
// HTTP (the AWS JSON 1.1 protocol), and STS GetCallerIdentity (AWS Query),
// for the AWS CLI, other languages' SDKs, and anything that takes an
// endpoint URL.
//
//	go run ./cmd/fakeaws                  # http://127.0.0.1:4566
//	export AWS_ENDPOINT_URL=http://127.0.0.1:4566   # AWS CLI 2.13+, current SDKs
//	aws ssm put-parameter --name /demo --value hello --type String
//	aws --endpoint-url http://127.0.0.1:4566 sts get-caller-identity   # any CLI version
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
// The two POST routes refuse what a web page can make a browser send: a
// request with an Origin header, a form or text/plain body, a Host that is
// not a loopback name or the listen address (see -allow-host); with
// -verify-signatures they need a SigV4-signed request too
// (endpoint.Guard).
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
//	-allow-host h,...      Host names the admin routes accept besides loopback
//	-max-body N, -max-header-bytes N   request size limits (HTTP 413, 431)
//	-max-requests N        requests served at once; more get ThrottlingException
//	-max-conns N           open connections (default 1024); idle ones close first
//	-read-timeout D, -write-timeout D  per-request time limits
//	-policy FILE           access policies by principal (a request signed with
//	                       access key K acts as arn:aws:iam::<account>:user/K;
//	                       "*" is the policy of every principal not listed)
//	-shutdown-timeout D    how long requests in flight may finish on shutdown
//	                       (default 5s); then they are cut off before -state
//	                       is written, unanswered
//	-quiet                 no per-request log lines
//	-quotas                throttle calls over AWS's request quotas
//	                       (ThrottlingException "Rate exceeded"), refilled
//	                       on the server's clock
//	-quota GROUP=RATE[/BURST]  one group's quota (calls per second, bucket
//	                       size); repeatable; turns quotas on
//	-deletion-delay D      a deleted secret stays visible, scheduled for
//	                       deletion, for D after a forced delete or the end
//	                       of its recovery window
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

// printBanner prints the endpoint and the lines to paste into a shell: the
// credentials and AWS_ENDPOINT_URL (read by AWS CLI 2.13 and later and
// current SDKs), then commands with --endpoint-url, which every AWS CLI
// version takes (Debian bookworm's awscli is 2.9).
func printBanner(w io.Writer, url, region, account string) {
	fmt.Fprintf(w, "fakeaws: Parameter Store, Secrets Manager and STS GetCallerIdentity at %s (region %s, account %s)\n", url, region, account)
	fmt.Fprintf(w, "export AWS_ENDPOINT_URL=%s AWS_REGION=%s AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=fake\n", url, region, account)
	fmt.Fprintf(w, "# AWS_ENDPOINT_URL needs AWS CLI 2.13 or later (or a current SDK); every CLI version takes --endpoint-url:\n")
	fmt.Fprintf(w, "aws --endpoint-url %s sts get-caller-identity\n", url)
	fmt.Fprintf(w, "aws --endpoint-url %s ssm put-parameter --name /demo/greeting --value hello --type String --overwrite\n", url)
	fmt.Fprintf(w, "aws --endpoint-url %s ssm get-parameter --name /demo/greeting\n", url)
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
	printBanner(stdout, url, opts.region, opts.account)
	if f, ok := stdout.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}
	return srv.serve(ctx)
}
